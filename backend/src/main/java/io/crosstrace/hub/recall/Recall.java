package io.crosstrace.hub.recall;

import static io.crosstrace.hub.graphdb.GraphValues.dateTime;
import static io.crosstrace.hub.graphdb.GraphValues.str;
import static io.crosstrace.hub.graphdb.GraphValues.strings;

import java.time.OffsetDateTime;
import java.util.List;

import org.neo4j.driver.Value;

import io.crosstrace.hub.graphql.GlobalId;

/**
 * A recall of one or more batches: {@code (:Recall {number, reason, reasonZh, classification, status, initiatedAt,
 * initiatedBy})-[:RECALLS]->(:Batch)}. The scan page and port verification read the same nodes, so the shape and
 * the status values ({@code ACTIVE}, {@code CLOSED}) are a contract.
 *
 * @param initiatedBy     the user or client that initiated it
 * @param initiatorGln    the organization it acted for
 * @param voluntary       initiated by the producer of the batches rather than by an authority
 * @param batchKeys       the recalled batches, as batch keys ({@code gtin/lot}), in key order
 */
public record Recall(String number, String reason, String reasonZh, String classification, String status,
        OffsetDateTime initiatedAt, String initiatedBy, String initiatorGln, boolean voluntary,
        OffsetDateTime closedAt, String closedBy, String note, List<String> batchKeys) {

    public static final String TYPE = "Recall";
    public static final String ACTIVE = "ACTIVE";
    public static final String CLOSED = "CLOSED";

    /**
     * Projection of {@code r:Recall}. Recalls written before this feature (by hand or by tests) may lack a status
     * or reason; they read as the scan page reads them: active, "Recalled".
     */
    static final String PROJECTION = """
            r{.*, status: coalesce(r.status, 'ACTIVE'), reason: coalesce(r.reason, 'Recalled'),
                  batchKeys: COLLECT { MATCH (r)-[:RECALLS]->(b:Batch) RETURN b.gtin + '/' + b.lot AS key ORDER BY key }}""";

    public String id() {
        return GlobalId.of(TYPE, number);
    }

    public boolean active() {
        return ACTIVE.equals(status);
    }

    static Recall from(Value v) {
        Value voluntary = v.get("voluntary");
        return new Recall(str(v, "number"), str(v, "reason"), str(v, "reasonZh"), str(v, "classification"),
                str(v, "status"), dateTime(v, "initiatedAt"), str(v, "initiatedBy"), str(v, "initiatorGln"),
                !voluntary.isNull() && voluntary.asBoolean(), dateTime(v, "closedAt"), str(v, "closedBy"), str(v, "note"),
                strings(v, "batchKeys"));
    }
}
