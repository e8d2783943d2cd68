// EPCIS 2.0 events captured by partners (ADR 0013). An event is found by its eventID or its event hash (CBV 2.0
// §8.9); both are unique, so a second capture of the same event is recognised as a duplicate.
CREATE CONSTRAINT epcis_event_id IF NOT EXISTS FOR (e:EpcisEvent) REQUIRE e.eventId IS UNIQUE;
CREATE CONSTRAINT epcis_event_hash IF NOT EXISTS FOR (e:EpcisEvent) REQUIRE e.hashId IS UNIQUE;
// The query parameters of GET /epcis/events that narrow most: times, CBV values, places, the capturing organization.
CREATE INDEX epcis_event_time IF NOT EXISTS FOR (e:EpcisEvent) ON (e.eventTime);
CREATE INDEX epcis_event_record_time IF NOT EXISTS FOR (e:EpcisEvent) ON (e.recordTime);
CREATE INDEX epcis_event_biz_step IF NOT EXISTS FOR (e:EpcisEvent) ON (e.bizStep);
CREATE INDEX epcis_event_disposition IF NOT EXISTS FOR (e:EpcisEvent) ON (e.disposition);
CREATE INDEX epcis_event_read_point IF NOT EXISTS FOR (e:EpcisEvent) ON (e.readPoint);
CREATE INDEX epcis_event_biz_location IF NOT EXISTS FOR (e:EpcisEvent) ON (e.bizLocation);
CREATE INDEX epcis_event_organization IF NOT EXISTS FOR (e:EpcisEvent) ON (e.organization);
// One index node per identifier an event names (canonical GS1 Digital Link where it has one), held by the hub or
// not: MATCH_epc, MATCH_anyEPC and MATCH_epcClass start from here (exact or STARTS WITH for class patterns).
CREATE CONSTRAINT epc_uri IF NOT EXISTS FOR (x:Epc) REQUIRE x.uri IS UNIQUE;
// Capture jobs, by id, and an organization's jobs newest first.
CREATE CONSTRAINT epcis_capture_id IF NOT EXISTS FOR (c:EpcisCapture) REQUIRE c.id IS UNIQUE;
CREATE INDEX epcis_capture_organization IF NOT EXISTS FOR (c:EpcisCapture) ON (c.organization, c.createdAt);
