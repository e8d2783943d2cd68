package io.crosstrace.hub.scan;

import static io.crosstrace.hub.graphdb.GraphValues.dateTime;
import static io.crosstrace.hub.graphdb.GraphValues.str;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

import io.crosstrace.hub.graphdb.GraphReads;
import io.crosstrace.hub.scan.activity.ScanInsights;
import io.crosstrace.hub.scan.activity.ScanInsightsReader;

/**
 * The unit's own part of its scan page in one statement: the code, its scans and clone flags, and whether partners
 * captured EPCIS events about this very unit (rare: most events name the batch). The batch's part comes from
 * {@link BatchContextCache}.
 */
@Component
class UnitLookup {

    private static final String UNIT = """
            MATCH (code:TraceCode {path: $path})
            OPTIONAL MATCH (code)<-[:HAS_UNIT]-(b:Batch)
            RETURN code{.gtin, .lot, .serial, .path, .status, .issuedAt} AS code,
                   EXISTS { (code)<-[:OBSERVED]-(:EpcisEvent) } AS observed,
                   EXISTS { (b)<-[:RECALLS]-(r:Recall) WHERE coalesce(r.status, 'ACTIVE') = 'ACTIVE' } AS recalled,
                   COUNT { (b)<-[:CERTIFIES]-(c:Certificate) WHERE c.status = 'REVOKED' }
                     + COUNT { (b)<-[:PRODUCED]-(:Premises)<-[:CERTIFIES]-(c:Certificate) WHERE c.status = 'REVOKED' } AS revoked,
            """ + ScanInsightsReader.COLUMNS;

    /**
     * A unit code as issued, with what its scans tell and the batch's safety state read fresh: whether it is recalled
     * and how many of its certificates are revoked, so that a kept batch context that disagrees is read again.
     */
    record Unit(String gtin, String lot, String serial, String path, String status, OffsetDateTime issuedAt,
            ScanInsights insights, boolean observedByPartners, BatchContext.SafetyState batchSafety) {
    }

    private final GraphReads graph;

    UnitLookup(GraphReads graph) {
        this.graph = graph;
    }

    /** The unit at a Digital Link path, or empty when the hub never issued it. */
    Optional<Unit> unit(String path) {
        return graph.one(UNIT, Map.of("path", path), r -> {
            Value code = r.get("code");
            return new Unit(str(code, "gtin"), str(code, "lot"), str(code, "serial"), str(code, "path"),
                    str(code, "status"), dateTime(code, "issuedAt"), ScanInsightsReader.from(r),
                    r.get("observed").asBoolean(),
                    new BatchContext.SafetyState(r.get("recalled").asBoolean(), r.get("revoked").asLong()));
        });
    }
}
