package io.crosstrace.hub.scan;

import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.crosstrace.hub.batch.Batch;
import io.crosstrace.hub.graphdb.GraphReads;

/**
 * Whether a batch is recalled: {@code (:Recall {reason})-[:RECALLS]->(:Batch)}. Recalls are initiated
 * through the recall feature; the scan page only reads them.
 */
@Component
class RecallCheck {

    private final GraphReads graph;

    RecallCheck(GraphReads graph) {
        this.graph = graph;
    }

    /** The reason of the batch's active recall, if any. */
    Optional<String> reasonFor(Batch batch) {
        return graph.one("""
                MATCH (:Batch {gtin: $gtin, lot: $lot})<-[:RECALLS]-(r)
                WHERE r:Recall AND coalesce(r.status, 'ACTIVE') = 'ACTIVE'
                RETURN coalesce(r.reason, 'Recalled') AS reason LIMIT 1""",
                Map.of("gtin", batch.gtin(), "lot", batch.lot()), r -> r.get("reason").asString());
    }
}
