package io.crosstrace.hub.scan.activity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.TransactionContext;

/**
 * Stores findings as {@code (:CloneFlag {rule, reason, reasonZh, flaggedAt})-[:FLAGS]->(:TraceCode)}, one
 * per rule and code: MERGE on the code and the rule keeps the first flag and its reason, which is the
 * evidence an inspector follows up. Codes are found by the element id the scans' transaction found them under.
 */
final class CloneFlagWriter {

    private static final String MERGE_FLAGS = """
            UNWIND $flags AS flag
            MATCH (code:TraceCode) WHERE elementId(code) = flag.id
            MERGE (code)<-[:FLAGS]-(f:CloneFlag {rule: flag.rule})
              ON CREATE SET f.reason = flag.reason, f.reasonZh = flag.reasonZh, f.flaggedAt = $flaggedAt""";

    /** Writes the flags and returns how many are new. */
    int write(TransactionContext tx, List<CloneFinding> findings, Instant flaggedAt) {
        if (findings.isEmpty()) {
            return 0;
        }
        List<Map<String, Object>> flags = findings.stream().map(f -> Map.<String, Object>of("id", f.codeId(),
                "rule", f.rule().name(), "reason", f.reason(), "reasonZh", f.reasonZh())).toList();
        return tx.run(MERGE_FLAGS, Map.of("flags", flags, "flaggedAt", OffsetDateTime.ofInstant(flaggedAt, ZoneOffset.UTC)))
                .consume().counters().nodesCreated();
    }
}
