package io.crosstrace.hub.epcis;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.crosstrace.hub.graphdb.GraphReads;

/**
 * What partners captured over EPCIS about a unit or its batch, for the features that show or weigh a product's
 * story (the scan page's journey, port verification, risk). The hub's own records of workflow steps are left out:
 * those features read the steps themselves. Events whose capturer declared them in error are left out too.
 */
@Component
public class PartnerEvents {

    /** Dispositions that say a unit should not be arriving anywhere any more. */
    public static final List<String> GONE = List.of("destroyed", "stolen", "recalled", "disposed", "expired");
    /** Dispositions that ask for a closer look. */
    public static final List<String> DOUBTFUL = List.of("damaged", "non_conformant", "mismatch_instance", "mismatch_class",
            "mismatch_quantity", "needs_replacement", "unknown");

    /**
     * The end both reads share: the hub's own workflow records and events declared in error left out (UNION already
     * made the events distinct), the place's names, oldest first.
     */
    private static final String PARTNERS_ONLY = """
            WITH e WHERE NOT e.json CONTAINS $mark AND NOT coalesce(e.errorDeclared, false)
            OPTIONAL MATCH (e)-[:AT]->(place)
            WITH e, [x IN collect(place) | coalesce(x.nameZh, x.name)] AS zh, [x IN collect(place) | x.name] AS en,
                 [x IN collect(place) | x.country] AS countries
            RETURN e.eventId AS id, e.bizStep AS bizStep, e.disposition AS disposition, date(e.eventTime) AS day,
                   e.organization AS organization, en[0] AS place, zh[0] AS placeZh, countries[0] AS country
            ORDER BY e.eventTime LIMIT $limit""";

    private static final String ABOUT = """
            CALL () {
              MATCH (e:EpcisEvent)-[:OBSERVED]->(:Batch {gtin: $gtin, lot: $lot}) RETURN e
              UNION
              MATCH (e:EpcisEvent)-[:OBSERVED]->(:TraceCode {gtin: $gtin, serial: $serial}) WHERE $serial IS NOT NULL RETURN e
            }
            """ + PARTNERS_ONLY;

    /**
     * Events about the batch or any of its units, walking from the batch to its units: the canonical Digital Link of
     * a unit leaves out the lot (CBV 2.0 §8.9), so the identifier index cannot narrow to one batch's units.
     */
    private static final String ABOUT_BATCH_AND_UNITS = """
            CALL () {
              MATCH (e:EpcisEvent)-[:OBSERVED]->(:Batch {gtin: $gtin, lot: $lot}) RETURN e
              UNION
              MATCH (:Batch {gtin: $gtin, lot: $lot})-[:HAS_UNIT]->(:TraceCode)<-[:OBSERVED]-(e:EpcisEvent) RETURN e
            }
            """ + PARTNERS_ONLY;

    /** At most this many events are read per unit: a page shows a journey, not a log. */
    static final int LIMIT = 50;

    private final GraphReads graph;

    PartnerEvents(GraphReads graph) {
        this.graph = graph;
    }

    /**
     * One captured event about a unit or its batch.
     *
     * @param bizStep      canonical CBV bare word (or the partner's own URI)
     * @param organization GLN of the organization that captured it
     * @param place        name of the premises or place of its read point or business location, when the hub knows it
     */
    public record PartnerEvent(String eventId, String bizStep, String disposition, LocalDate day, String organization,
            String place, String placeZh, String country) {

        public boolean gone() {
            return GONE.contains(disposition);
        }

        public boolean doubtful() {
            return DOUBTFUL.contains(disposition);
        }
    }

    /** Events about the unit (serial may be null: then about the batch only), oldest first. */
    public List<PartnerEvent> about(String gtin, String lot, String serial) {
        Map<String, Object> p = new HashMap<>();
        p.put("gtin", gtin);
        p.put("lot", lot);
        p.put("serial", serial);
        return read(ABOUT, p);
    }

    /** Events about the batch or any of its units, oldest first (at most {@value #LIMIT}). */
    public List<PartnerEvent> aboutBatchAndUnits(String gtin, String lot) {
        Map<String, Object> p = new HashMap<>();
        p.put("gtin", gtin);
        p.put("lot", lot);
        return read(ABOUT_BATCH_AND_UNITS, p);
    }

    private List<PartnerEvent> read(String cypher, Map<String, Object> p) {
        p.put("mark", WorkflowEvents.WORKFLOW_MARK);
        p.put("limit", LIMIT);
        return graph.list(cypher, p, r -> new PartnerEvent(r.get("id").asString(), r.get("bizStep").asString(null),
                r.get("disposition").asString(null), r.get("day").isNull() ? null : r.get("day").asLocalDate(),
                r.get("organization").asString(null), r.get("place").asString(null), r.get("placeZh").asString(null),
                r.get("country").asString(null)));
    }
}
