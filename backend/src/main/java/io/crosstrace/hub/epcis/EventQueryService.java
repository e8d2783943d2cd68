package io.crosstrace.hub.epcis;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.crosstrace.hub.graphdb.GraphReads;
import io.crosstrace.hub.graphql.Connection;
import io.crosstrace.hub.graphql.PageRequest;
import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.CurrentActor;
import io.crosstrace.hub.security.Visibility;

/**
 * Reads stored EPCIS events for partners: the query interface and the {@code events} connections of GraphQL. The
 * statement is assembled from fixed fragments, one per query parameter given, each with its own {@code $parameter}
 * (no value ever becomes Cypher text). A MATCH_* parameter starts from the unique {@code (:Epc {uri})} index; other
 * queries from the {@code EpcisEvent} indexes.
 *
 * <p>A partner sees the events its organization captured, and events about batches, units, shipments or consignments
 * it may see ({@link Visibility}) or at premises it operates or ports it inspects at.
 */
@Service
public class EventQueryService {

    private static final String VISIBLE = """
            ($v_all OR e.organization = $v_org
             OR EXISTS { MATCH (e)-[:OBSERVED]->(b:Batch) WHERE %1$s }
             OR EXISTS { MATCH (e)-[:OBSERVED]->(:TraceCode)<-[:HAS_UNIT]-(b:Batch) WHERE %1$s }
             OR EXISTS { MATCH (e)-[:FOR_TRANSACTION]->(s:Shipment) WHERE %2$s }
             OR EXISTS { MATCH (e)-[:FOR_TRANSACTION]->(c:Consignment) WHERE %3$s }
             OR EXISTS { (e)-[:AT]->(:Premises)<-[:OPERATES]-(:Organization {gln: $v_org}) }
             OR EXISTS { (e)-[:AT]->(:Location)<-[:INSPECTS_AT]-(:Organization {gln: $v_org}) })
            """.formatted(Visibility.batch("b"), Visibility.shipment("s"), Visibility.consignment("c"));

    private static final String PROJECTION = """
            RETURN e.eventId AS eventId, e.hashId AS hashId, e.type AS type, e.eventTime AS eventTime,
                   e.recordTime AS recordTime, e.action AS action, e.bizStep AS bizStep, e.disposition AS disposition,
                   e.readPoint AS readPoint, e.bizLocation AS bizLocation, e.json AS json, e.context AS context""";

    private final GraphReads graph;

    EventQueryService(GraphReads graph) {
        this.graph = graph;
    }

    /**
     * A filter index that finds at least this many events makes a query broad: its page is then read from the time
     * index in order, stopping at the page's end, instead of sorting every match.
     */
    static final int BROAD = 5_000;

    /** One page of events (one more than the page size, to tell whether another page follows). */
    @Transactional(readOnly = true)
    List<StoredEvent> find(EventQuery query) {
        Statement statement = statement(query, CurrentActor.require(), plan(query));
        return graph.list(statement.cypher(), statement.parameters(), EventQueryService::stored);
    }

    /** How a query's page is read: by its most selective filter's index and then sorted, or along the time index. */
    enum Plan { FILTER_THEN_SORT, ALONG_TIME }

    /**
     * Picks the plan. Identifiers are always few per event, so they start from their index. Without a filter index
     * (none given, or only a time range), the time index read in order is the plan. Otherwise one index-only count,
     * stopped at {@link #BROAD}, tells whether the filter is narrow enough to sort what it finds.
     */
    Plan plan(EventQuery query) {
        if (!query.epcMatches().isEmpty() || !query.eventIds().isEmpty()) {
            return Plan.FILTER_THEN_SORT;
        }
        String property = filterIndex(query);
        if (property == null) {
            return Plan.ALONG_TIME;
        }
        // The property name comes from the fixed list of indexed fields, never from the request.
        long found = graph.one("MATCH (e:EpcisEvent) USING INDEX SEEK e:EpcisEvent(" + property + ") WHERE e." + property
                + " IN $values WITH e LIMIT $broad RETURN count(e) AS n",
                Map.of("values", filterValues(query, property), "broad", BROAD), r -> r.get("n").asLong()).orElse(0L);
        return found >= BROAD ? Plan.ALONG_TIME : Plan.FILTER_THEN_SORT;
    }

    /** A statement and its parameters. */
    record Statement(String cypher, Map<String, Object> parameters) {
    }

    /** The statement of a query for an actor (separate so that tests can check its plan). */
    static Statement statement(EventQuery query, Actor actor, Plan plan) {
        Map<String, Object> p = new HashMap<>(Visibility.parameters(actor));
        List<String> conditions = new ArrayList<>();
        StringBuilder cypher = new StringBuilder();
        List<EventQuery.EpcMatch> matches = query.epcMatches();
        if (!matches.isEmpty()) {
            // The first identifier parameter drives the query from the Epc index; the others filter.
            cypher.append("""
                    CALL () {
                      UNWIND $m0_exact AS uri
                      MATCH (:Epc {uri: uri})<-[r:REFERS]-(e:EpcisEvent) WHERE r.role IN $m0_roles RETURN e
                      UNION
                      UNWIND $m0_prefixes AS prefix
                      MATCH (x:Epc)<-[r:REFERS]-(e:EpcisEvent) WHERE x.uri STARTS WITH prefix AND r.role IN $m0_roles RETURN e
                    }
                    WITH DISTINCT e
                    """);
        } else if (plan == Plan.ALONG_TIME) {
            // Read in the page's order; the planner stops at the page's end (a partial top on the tie-break).
            String orderField = orderField(query);
            cypher.append("MATCH (e:EpcisEvent)\nUSING INDEX e:EpcisEvent(").append(orderField).append(")\n");
            conditions.add("e." + orderField + " IS NOT NULL");
        } else {
            cypher.append("MATCH (e:EpcisEvent)\n").append(indexHint(query));
        }
        for (int i = 0; i < matches.size(); i++) {
            EventQuery.EpcMatch m = matches.get(i);
            p.put("m" + i + "_exact", m.exact());
            p.put("m" + i + "_prefixes", m.prefixes());
            p.put("m" + i + "_roles", m.roles());
            if (i > 0) {
                conditions.add(("EXISTS { MATCH (e)-[r:REFERS]->(x:Epc) WHERE r.role IN $m%1$d_roles AND (x.uri IN $m%1$d_exact"
                        + " OR any(prefix IN $m%1$d_prefixes WHERE x.uri STARTS WITH prefix)) }").formatted(i));
            }
        }
        condition(conditions, p, "e.type IN $eventTypes", "eventTypes", query.eventTypes());
        condition(conditions, p, "e.eventTime >= $geEventTime", "geEventTime", query.geEventTime());
        condition(conditions, p, "e.eventTime < $ltEventTime", "ltEventTime", query.ltEventTime());
        condition(conditions, p, "e.recordTime >= $geRecordTime", "geRecordTime", query.geRecordTime());
        condition(conditions, p, "e.recordTime < $ltRecordTime", "ltRecordTime", query.ltRecordTime());
        condition(conditions, p, "e.action IN $actions", "actions", query.actions());
        condition(conditions, p, "e.bizStep IN $bizSteps", "bizSteps", query.bizSteps());
        condition(conditions, p, "e.disposition IN $dispositions", "dispositions", query.dispositions());
        condition(conditions, p, "e.readPoint IN $readPoints", "readPoints", query.readPoints());
        condition(conditions, p, "e.bizLocation IN $bizLocations", "bizLocations", query.bizLocations());
        condition(conditions, p, "e.eventId IN $eventIds", "eventIds", query.eventIds());
        for (int i = 0; i < query.bizTransactions().size(); i++) {
            condition(conditions, p, "any(t IN e.bizTransactions WHERE t IN $bt" + i + ")", "bt" + i, query.bizTransactions().get(i));
        }
        conditions.add(VISIBLE);
        cypher.append("WHERE ").append(String.join("\n  AND ", conditions)).append('\n');
        String direction = query.descending() ? " DESC" : " ASC";
        String orderField = orderField(query);
        // The page is cut on the sort keys first, and only its events are read in full: projecting every match's
        // JSON before sorting made a query matching much of the store read all of it.
        cypher.append("WITH e ORDER BY e.").append(orderField).append(direction).append(", e.hashId").append(direction)
                .append("\nSKIP $skip LIMIT $limit\n").append(PROJECTION)
                .append("\nORDER BY ").append(orderField).append(direction).append(", hashId").append(direction);
        p.put("skip", query.offset());
        p.put("limit", query.pageSize() + 1);
        return new Statement(cypher.toString(), p);
    }

    /** The events observing a unit, a lot, or at a place, newest first, for the GraphQL connections. */
    @Transactional(readOnly = true)
    public Connection<StoredEvent> about(Subject subject, String key, String lot, PageRequest page) {
        Actor actor = CurrentActor.require();
        Map<String, Object> p = new HashMap<>(Visibility.parameters(actor));
        p.put("key", key);
        p.put("lot", lot);
        p.put("skip", page.offset());
        p.put("limit", page.limitPlusOne());
        String match = switch (subject) {
            case UNIT -> "MATCH (:TraceCode {path: $key})<-[:OBSERVED]-(e:EpcisEvent)";
            case BATCH -> "MATCH (:Batch {gtin: $key, lot: $lot})<-[:OBSERVED]-(e:EpcisEvent)";
            case PLACE -> """
                    CALL () { MATCH (p:Premises {gln: $key}) RETURN p AS place UNION MATCH (l:Location {gln: $key}) RETURN l AS place }
                    MATCH (place)<-[:AT]-(e:EpcisEvent)""";
        };
        String cypher = match + "\nWHERE " + VISIBLE
                + "WITH DISTINCT e\n" + PROJECTION + "\nORDER BY e.eventTime DESC, e.hashId DESC SKIP $skip LIMIT $limit";
        return Connection.of(graph.list(cypher, p, EventQueryService::stored), page, null);
    }

    /**
     * Pins the start to the index of the most selective filter given: with few events stored the planner would
     * otherwise scan the label, and keep that plan as the store grows.
     */
    private static String indexHint(EventQuery query) {
        String property = !query.eventIds().isEmpty() ? "eventId"
                : filterIndex(query) != null ? filterIndex(query)
                : query.geEventTime() != null || query.ltEventTime() != null ? "eventTime"
                : query.geRecordTime() != null || query.ltRecordTime() != null ? "recordTime"
                : null;
        return property == null ? "" : "USING INDEX SEEK e:EpcisEvent(" + property + ")\n";
    }

    /** The indexed CBV field the query filters on that is likely the most selective, or null. */
    private static String filterIndex(EventQuery query) {
        return !query.bizSteps().isEmpty() ? "bizStep"
                : !query.readPoints().isEmpty() ? "readPoint"
                : !query.bizLocations().isEmpty() ? "bizLocation"
                : !query.dispositions().isEmpty() ? "disposition"
                : null;
    }

    private static List<String> filterValues(EventQuery query, String property) {
        return switch (property) {
            case "bizStep" -> query.bizSteps();
            case "readPoint" -> query.readPoints();
            case "bizLocation" -> query.bizLocations();
            default -> query.dispositions();
        };
    }

    private static String orderField(EventQuery query) {
        return query.orderBy().equals("recordTime") ? "recordTime" : "eventTime";
    }

    /** What an {@code events} connection is about. */
    public enum Subject { UNIT, BATCH, PLACE }

    private static void condition(List<String> conditions, Map<String, Object> p, String fragment, String name, Object value) {
        if (value == null || (value instanceof List<?> list && list.isEmpty())) {
            return;
        }
        conditions.add(fragment);
        p.put(name, value);
    }

    private static StoredEvent stored(Record r) {
        return new StoredEvent(r.get("eventId").asString(), r.get("hashId").asString(), r.get("type").asString(null),
                time(r.get("eventTime")), time(r.get("recordTime")), r.get("action").asString(null),
                r.get("bizStep").asString(null), r.get("disposition").asString(null), r.get("readPoint").asString(null),
                r.get("bizLocation").asString(null), r.get("json").asString(), r.get("context").asString(null));
    }

    private static java.time.OffsetDateTime time(Value value) {
        if (value.isNull()) {
            return null;
        }
        Object raw = value.asObject();
        return raw instanceof ZonedDateTime z ? z.toOffsetDateTime() : (java.time.OffsetDateTime) raw;
    }
}
