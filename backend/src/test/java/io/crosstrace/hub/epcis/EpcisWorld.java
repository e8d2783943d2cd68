package io.crosstrace.hub.epcis;

import java.util.List;
import java.util.UUID;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;

/** Identifiers of the demo world for EPCIS tests, and small EPCIS documents built around them. */
final class EpcisWorld {

    final String producerPremises;
    final String otherProducerPremises;
    final String gtin;
    final String lot;
    final String serial;
    final String otherGtin;
    final String otherSerial;

    EpcisWorld(Driver driver) {
        Record own = one(driver, """
                MATCH (:User {username: 'producer'})-[:MEMBER_OF]->(:Organization)-[:OPERATES]->(p:Premises)-[:PRODUCED]->(b:Batch)-[:HAS_UNIT]->(c:TraceCode)
                RETURN p.gln AS premises, b.gtin AS gtin, b.lot AS lot, c.serial AS serial ORDER BY p.gln, b.lot, c.serial LIMIT 1""");
        Record other = one(driver, """
                MATCH (:User {username: 'producer2'})-[:MEMBER_OF]->(:Organization)-[:OPERATES]->(p:Premises)-[:PRODUCED]->(b:Batch)-[:HAS_UNIT]->(c:TraceCode)
                RETURN p.gln AS premises, b.gtin AS gtin, c.serial AS serial ORDER BY p.gln, b.lot, c.serial LIMIT 1""");
        producerPremises = own.get("premises").asString();
        gtin = own.get("gtin").asString();
        lot = own.get("lot").asString();
        serial = own.get("serial").asString();
        otherProducerPremises = other.get("premises").asString();
        otherGtin = other.get("gtin").asString();
        otherSerial = other.get("serial").asString();
    }

    String unit() {
        return "https://id.gs1.org/01/" + gtin + "/21/" + EpcisClient.encode(serial);
    }

    String lotClass() {
        return "https://id.gs1.org/01/" + gtin + "/10/" + EpcisClient.encode(lot);
    }

    static String place(String gln) {
        return "https://id.gs1.org/414/" + gln;
    }

    /** An ObjectEvent; {@code extra} is inserted as further members (may be empty). */
    static String objectEvent(String eventId, String eventTime, List<String> epcs, String bizStep, String readPoint, String extra) {
        StringBuilder list = new StringBuilder();
        for (String epc : epcs) {
            list.append(list.isEmpty() ? "" : ",").append('"').append(epc).append('"');
        }
        return """
                {"type": "ObjectEvent", %s"eventTime": "%s", "eventTimeZoneOffset": "+10:00", "epcList": [%s],
                 "action": "OBSERVE", "bizStep": "%s", "readPoint": {"id": "%s"}, "ex:run": "%s"%s}"""
                .formatted(eventId == null ? "" : "\"eventID\": \"" + eventId + "\", ", eventTime, list, bizStep, readPoint,
                        UUID.randomUUID(), extra.isEmpty() ? "" : ", " + extra);
    }

    static String document(String... events) {
        return """
                {"@context": ["https://ref.gs1.org/standards/epcis/epcis-context.jsonld", {"ex": "https://example.com/ex/"}],
                 "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-01-01T00:00:00Z",
                 "epcisBody": {"eventList": [%s]}}""".formatted(String.join(",", events));
    }

    /** A single event for POST /epcis/events, with its own context. */
    static String single(String event) {
        return "{\"@context\": [\"https://ref.gs1.org/standards/epcis/epcis-context.jsonld\", {\"ex\": \"https://example.com/ex/\"}], "
                + event.strip().substring(1);
    }

    static String newId() {
        return "urn:uuid:" + UUID.randomUUID();
    }

    private static Record one(Driver driver, String cypher) {
        return driver.executableQuery(cypher).execute().records().getFirst();
    }
}
