package io.crosstrace.hub.code;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.crosstrace.gs1.DigitalLink;
import io.crosstrace.gs1.Gtin;
import io.crosstrace.gs1.LotNumber;
import io.crosstrace.hub.graphdb.GraphReads;

/** The few reads that rendering codes needs: does a code exist, a batch's label facts, a batch's serials. */
@Component
@Transactional(readOnly = true)
class IssuedCodeReads {

    private final GraphReads graph;

    IssuedCodeReads(GraphReads graph) {
        this.graph = graph;
    }

    boolean isIssued(DigitalLink link) {
        return graph.count("MATCH (c:TraceCode {path: $path}) RETURN count(c)", Map.of("path", link.path())) > 0;
    }

    /** The batch's expiry date and product name, or empty when there is no such batch. */
    Optional<BatchLabelFacts> labelFacts(Gtin gtin, LotNumber lot) {
        return graph.one("""
                MATCH (b:Batch {gtin: $gtin, lot: $lot})
                RETURN b.expiryDate AS expiryDate, [(b)-[:OF_PRODUCT]->(p:Product) | p.nameEn][0] AS productName""",
                Map.of("gtin", gtin.value(), "lot", lot.value()),
                r -> new BatchLabelFacts(r.get("expiryDate").isNull() ? null : r.get("expiryDate").asLocalDate(),
                        r.get("productName").isNull() ? null : r.get("productName").asString()));
    }

    /** Serials of the batch's codes in serial order, {@code count} of them after skipping {@code from}. */
    List<String> serials(Gtin gtin, LotNumber lot, int from, int count) {
        return graph.list("""
                MATCH (:Batch {gtin: $gtin, lot: $lot})-[:HAS_UNIT]->(c:TraceCode)
                RETURN c.serial AS serial ORDER BY serial SKIP $from LIMIT $count""",
                Map.of("gtin", gtin.value(), "lot", lot.value(), "from", from, "count", count),
                r -> r.get("serial").asString());
    }

    record BatchLabelFacts(LocalDate expiryDate, String productName) {
    }
}
