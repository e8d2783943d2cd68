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

    /** The reason of the batch's active recall, if any, in Chinese when asked and given. */
    Optional<String> reasonFor(Batch batch, boolean chinese) {
        return graph.one("""
                MATCH (:Batch {gtin: $gtin, lot: $lot})<-[:RECALLS]-(r)
                WHERE r:Recall AND coalesce(r.status, 'ACTIVE') = 'ACTIVE'
                RETURN coalesce(CASE WHEN $chinese THEN r.reasonZh END, r.reason, 'Recalled') AS reason LIMIT 1""",
                Map.of("gtin", batch.gtin(), "lot", batch.lot(), "chinese", chinese), r -> r.get("reason").asString());
    }
}
