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
            RETURN code{.gtin, .lot, .serial, .path, .status, .issuedAt} AS code,
                   EXISTS { (code)<-[:OBSERVED]-(:EpcisEvent) } AS observed,
            """ + ScanInsightsReader.COLUMNS;

    /** A unit code as issued, with what its scans tell. */
    record Unit(String gtin, String lot, String serial, String path, String status, OffsetDateTime issuedAt,
            ScanInsights insights, boolean observedByPartners) {
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
                    r.get("observed").asBoolean());
        });
    }
}
