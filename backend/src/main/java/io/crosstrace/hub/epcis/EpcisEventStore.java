package io.crosstrace.hub.epcis;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.crosstrace.hub.graphdb.GraphReads;
import io.crosstrace.hub.security.Actor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Records EPCIS events in the graph, inside the caller's transaction: the capture interface uses it, and so can any
 * feature that wants its steps to appear as EPCIS events (a workflow mutation records its event in the same
 * transaction as its change, so both happen or neither).
 *
 * <p>Each event becomes an {@code (:EpcisEvent)} holding its JSON as captured and its canonical query values, linked to
 * an {@code (:Epc {uri})} node per identifier it names ({@code REFERS {role}}), to the units ({@code :TraceCode}) and
 * lots ({@code :Batch}) the hub holds ({@code OBSERVED {role}}), to the premises or place of its read point and
 * business location ({@code AT {role}}), and to shipments, consignments and documents whose numbers its business
 * transactions name ({@code FOR_TRANSACTION {type}}).
 *
 * <p>Events already stored (same eventID or event hash) are reported {@code DUPLICATE} and not written again; an
 * error declaration for a stored event adds the declaration to it. Events naming identifiers the actor may not
 * capture ({@link CaptureScope}) are {@code REJECTED} and not written; the caller decides whether the others stay
 * (the capture interface rolls the whole document back).
 */
@Component
public class EpcisEventStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String EXISTING = """
            UNWIND $ids AS id
            MATCH (e:EpcisEvent) WHERE e.eventId = id OR e.hashId = id
            RETURN DISTINCT e.eventId AS eventId, e.hashId AS hashId""";

    /**
     * All new events of a capture in one statement: a statement per event would cost a round trip and a plan lookup
     * each, and a document of 1,000 events would spend most of its time on those.
     */
    private static final String CREATE = """
            UNWIND $events AS row
            CREATE (e:EpcisEvent)
            SET e = row.properties
            WITH e, row
            CALL (e, row) {
              UNWIND row.epcs AS epc
              MERGE (x:Epc {uri: epc.uri})
              MERGE (e)-[:REFERS {role: epc.role}]->(x)
            }
            CALL (e, row) {
              UNWIND row.units AS unit
              MATCH (c:TraceCode {gtin: unit.gtin, serial: unit.serial})
              MERGE (e)-[:OBSERVED {role: unit.role}]->(c)
            }
            CALL (e, row) {
              UNWIND row.lots AS lot
              MATCH (b:Batch {gtin: lot.gtin, lot: lot.lot})
              MERGE (e)-[:OBSERVED {role: lot.role}]->(b)
            }
            CALL (e, row) {
              UNWIND row.places AS place
              OPTIONAL MATCH (p:Premises {gln: place.gln})
              OPTIONAL MATCH (l:Location {gln: place.gln})
              WITH e, place, coalesce(p, l) AS at WHERE at IS NOT NULL
              MERGE (e)-[:AT {role: place.role}]->(at)
            }
            CALL (e, row) {
              UNWIND row.transactions AS t
              OPTIONAL MATCH (s:Shipment) WHERE s.number IN t.candidates
              OPTIONAL MATCH (c:Consignment) WHERE c.declarationNumber IN t.candidates
              OPTIONAL MATCH (d:Document) WHERE d.number IN t.candidates
              WITH e, t, [x IN [s, c, d] WHERE x IS NOT NULL] AS matched
              UNWIND matched AS x
              MERGE (e)-[:FOR_TRANSACTION {type: t.type}]->(x)
            }""";

    private static final String DECLARE_ERROR = """
            MATCH (e:EpcisEvent) WHERE e.eventId = $id OR e.hashId = $id
            SET e.json = $json, e.errorDeclared = true""";

    private final Neo4jClient neo4j;
    private final GraphReads graph;
    private final CaptureScope scope;
    private final CbvValues cbv;

    EpcisEventStore(Neo4jClient neo4j, GraphReads graph, CaptureScope scope, CbvValues cbv) {
        this.neo4j = neo4j;
        this.graph = graph;
        this.scope = scope;
        this.cbv = cbv;
    }

    /**
     * Records events in the current transaction (there must be one).
     *
     * @param events    the events, each valid against {@link EpcisDocumentValidator}
     * @param context   the {@code @context} of their document (kept for their user extensions), or null
     * @param actor     who captures them: its organization owns them, and {@link CaptureScope} limits what it may name
     * @param captureId the capture job, or null when recorded by another feature
     * @return one receipt per event, in order
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<EventReceipt> record(List<? extends JsonNode> events, JsonNode context, Actor actor, String captureId) {
        Map<String, String> namespaces = namespacesOf(context);
        List<EventFacts> facts = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            facts.add(EventFacts.read((ObjectNode) events.get(i), "/" + i, namespaces, cbv));
        }
        return recordFacts(facts, context, actor, captureId);
    }

    /** As {@link #record}, with facts read by the caller (whose pointers then name the document's fields). */
    @Transactional(propagation = Propagation.MANDATORY)
    List<EventReceipt> recordFacts(List<EventFacts> facts, JsonNode context, Actor actor, String captureId) {
        Map<String, EpcisProblem> forbidden = scope.forbidden(facts, actor);
        Set<String> stored = existing(facts);
        Set<String> seen = new HashSet<>();
        OffsetDateTime recordTime = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        String contextJson = context == null ? null : JSON.writeValueAsString(context);
        List<EventReceipt> receipts = new ArrayList<>();
        List<Map<String, Object>> created = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            EventFacts event = facts.get(i);
            Optional<EpcisProblem> refusal = forbidden.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(event.pointer() + "/")).map(Map.Entry::getValue).findFirst();
            boolean known = stored.contains(event.hashId()) || (event.eventId() != null && stored.contains(event.eventId()))
                    || seen.contains(event.hashId()) || (event.eventId() != null && seen.contains(event.eventId()));
            if (refusal.isPresent()) {
                receipts.add(new EventReceipt(i, event.storedId(), event.hashId(), EventReceipt.Status.REJECTED, refusal.get()));
            } else if (known && event.declaresError()) {
                declareError(event);
                receipts.add(new EventReceipt(i, event.storedId(), event.hashId(), EventReceipt.Status.ERROR_DECLARED, null));
            } else if (known) {
                receipts.add(new EventReceipt(i, event.storedId(), event.hashId(), EventReceipt.Status.DUPLICATE, null));
            } else {
                created.add(row(event, contextJson, recordTime, actor, captureId));
                receipts.add(new EventReceipt(i, event.storedId(), event.hashId(), EventReceipt.Status.ACCEPTED, null));
            }
            seen.add(event.hashId());
            if (event.eventId() != null) {
                seen.add(event.eventId());
            }
        }
        for (int from = 0; from < created.size(); from += EVENTS_PER_STATEMENT) {
            neo4j.query(CREATE).bind(created.subList(from, Math.min(created.size(), from + EVENTS_PER_STATEMENT))).to("events").run();
        }
        return receipts;
    }

    /** Events written per statement: bounds the statement's size for events that name many identifiers. */
    private static final int EVENTS_PER_STATEMENT = 500;

    private Set<String> existing(List<EventFacts> facts) {
        List<String> ids = new ArrayList<>();
        for (EventFacts event : facts) {
            ids.add(event.hashId());
            if (event.eventId() != null) {
                ids.add(event.eventId());
            }
        }
        Set<String> found = new HashSet<>();
        graph.list(EXISTING, Map.of("ids", ids), r -> {
            found.add(r.get("eventId").asString());
            found.add(r.get("hashId").asString());
            return true;
        });
        return found;
    }

    private void declareError(EventFacts event) {
        String id = event.eventId() != null ? event.eventId() : event.hashId();
        neo4j.query(DECLARE_ERROR).bindAll(Map.of("id", id, "json", JSON.writeValueAsString(event.event()))).run();
    }

    /** The statement's row of one event: its properties and what it links to. */
    private static Map<String, Object> row(EventFacts event, String contextJson, OffsetDateTime recordTime, Actor actor,
            String captureId) {
        Map<String, Object> p = new HashMap<>();
        p.put("eventId", event.storedId());
        p.put("hashId", event.hashId());
        p.put("type", event.type());
        p.put("eventTime", event.eventTime());
        p.put("eventTimeZoneOffset", event.eventTimeZoneOffset());
        p.put("recordTime", recordTime);
        p.put("action", event.action());
        p.put("bizStep", event.bizStep());
        p.put("disposition", event.disposition());
        p.put("readPoint", event.readPoint());
        p.put("bizLocation", event.bizLocation());
        p.put("bizTransactions", event.bizTransactions().stream().map(EventFacts.BizTransaction::key).toList());
        p.put("json", JSON.writeValueAsString(event.event()));
        p.put("context", contextJson);
        p.put("organization", actor.organizationGln());
        p.put("capturedBy", actor.subject());
        p.put("captureId", captureId);
        p.put("errorDeclared", event.declaresError());
        p.values().removeIf(java.util.Objects::isNull);
        Map<String, Object> row = new HashMap<>();
        row.put("properties", p);
        List<Map<String, Object>> epcs = new ArrayList<>();
        List<Map<String, Object>> units = new ArrayList<>();
        List<Map<String, Object>> lots = new ArrayList<>();
        for (EventFacts.Named epc : event.epcs()) {
            epcs.add(Map.of("uri", epc.canonical(), "role", epc.role()));
            EpcisIdentifiers.gtinKey(epc.canonical()).ifPresent(key -> {
                if (key.serial() != null) {
                    units.add(Map.of("gtin", key.gtin(), "serial", key.serial(), "role", epc.role()));
                } else if (key.lot() != null) {
                    lots.add(Map.of("gtin", key.gtin(), "lot", key.lot(), "role", epc.role()));
                }
            });
        }
        row.put("epcs", epcs);
        row.put("units", units);
        row.put("lots", lots);
        List<Map<String, Object>> places = new ArrayList<>();
        for (EventFacts.Named place : event.places()) {
            if (place.role().equals("readPoint") || place.role().equals("bizLocation")) {
                EpcisIdentifiers.gln(place.canonical()).ifPresent(gln -> places.add(Map.of("gln", gln, "role", place.role())));
            }
        }
        row.put("places", places);
        row.put("transactions", event.bizTransactions().stream().map(t -> Map.of("type", t.type(),
                "candidates", transactionNumbers(t.value()))).toList());
        return row;
    }

    /**
     * The numbers a business transaction identifier may carry: the whole value and its last segment, so that
     * {@code urn:epcglobal:cbv:bt:9361190000006:SHP-0001} or {@code https://example.com/bol/SHP-0001} find shipment
     * {@code SHP-0001}.
     */
    static List<String> transactionNumbers(String value) {
        int cut = Math.max(value.lastIndexOf(':'), value.lastIndexOf('/'));
        String last = cut >= 0 && cut < value.length() - 1 ? value.substring(cut + 1) : value;
        return last.equals(value) ? List.of(value) : List.of(value, last);
    }

    static Map<String, String> namespacesOf(JsonNode context) {
        if (context == null) {
            return Map.of();
        }
        ObjectNode holder = JSON.createObjectNode();
        holder.set("@context", context);
        return EventTreeReader.namespacesOf(holder);
    }
}
