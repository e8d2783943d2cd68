package io.crosstrace.hub.scan.activity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;

/**
 * Hands out demo-world unit codes that nobody has scanned or flagged yet, each once per test run, so tests
 * sharing the hub with other test classes see only their own scans.
 */
final class ScanTestCodes {

    static final ZoneId MARKET = ZoneId.of("Asia/Shanghai");
    static final double[] SHANGHAI = {31.2304, 121.4737};
    static final double[] SUZHOU = {31.2989, 120.5853};
    static final double[] BEIJING = {39.9042, 116.4074};
    static final double[] URUMQI = {43.8256, 87.6168};

    private static final Set<String> handedOut = ConcurrentHashMap.newKeySet();
    private static final String FRESH = """
            MATCH (b)-[:HAS_UNIT]->(code:TraceCode)
            WHERE NOT EXISTS { (code)<-[:SCANNED]-() } AND NOT EXISTS { (code)<-[:FLAGS]-() }
              AND NOT code.path IN $taken
            """;

    /** A unit code and, when its batch was released at the port, the first release day. */
    record Code(String path, LocalDate releasedOn) {

        /** Mid-morning in the market a week after the release: a benign time to scan. */
        Instant afterRelease() {
            return releasedOn.plusDays(7).atTime(LocalTime.of(10, 0)).atZone(MARKET).toInstant();
        }
    }

    private ScanTestCodes() {
    }

    /** A code of a batch that a RELEASED consignment declared. */
    static Code released(Driver driver) {
        return fresh(driver, """
                MATCH (c:Consignment {status: 'RELEASED'})-[:DECLARES]->(b:Batch) WHERE c.releasedOn IS NOT NULL
                WITH b, min(c.releasedOn) AS releasedOn
                """ + FRESH + "RETURN code.path AS path, releasedOn ORDER BY code.path DESC LIMIT 1");
    }

    /** A code of a batch that consignments declared but none of them was released. */
    static Code awaitingRelease(Driver driver) {
        return fresh(driver, """
                MATCH (b:Batch) WHERE EXISTS { (b)<-[:DECLARES]-(:Consignment) }
                  AND NOT EXISTS { (b)<-[:DECLARES]-(:Consignment {status: 'RELEASED'}) }
                """ + FRESH + "RETURN code.path AS path, null AS releasedOn ORDER BY code.path DESC LIMIT 1");
    }

    /** A code of a batch no consignment declared (the demo world has batches still at the plant). */
    static Code undeclared(Driver driver) {
        return fresh(driver, """
                MATCH (b:Batch) WHERE NOT EXISTS { (b)<-[:DECLARES]-(:Consignment) }
                """ + FRESH + "RETURN code.path AS path, null AS releasedOn ORDER BY code.path DESC LIMIT 1");
    }

    private static synchronized Code fresh(Driver driver, String cypher) {
        List<Record> rows = driver.executableQuery(cypher).withParameters(Map.of("taken", List.copyOf(handedOut)))
                .execute().records();
        if (rows.isEmpty()) {
            throw new IllegalStateException("The demo world has no fresh code left for: " + cypher);
        }
        Record row = rows.getFirst();
        Code code = new Code(row.get("path").asString(), row.get("releasedOn").isNull() ? null : row.get("releasedOn").asLocalDate());
        handedOut.add(code.path());
        return code;
    }

    /** A scan from one client (address and browser), without a location. */
    static ScanRecord scan(String path, Instant at, int client) {
        return new ScanRecord(path, at, "203.0.113." + client, "Mozilla/5.0 (test phone " + client + ")", "zh-CN", null, null);
    }

    /** A scan with the consumer's consented location. */
    static ScanRecord locatedScan(String path, Instant at, int client, double[] place) {
        return new ScanRecord(path, at, "203.0.113." + client, "Mozilla/5.0 (test phone " + client + ")", "zh-CN",
                place[0], place[1]);
    }

    static ScanProperties.Clone defaultRules() {
        return rules(5, Duration.ofHours(24), 500, Duration.ofHours(6), EnumSet.allOf(CloneRule.class));
    }

    static ScanProperties.Clone rules(int maxClients, Duration clientWindow, double maxDistanceKm, Duration distanceWindow,
            Set<CloneRule> rules) {
        return new ScanProperties.Clone(rules, maxClients, clientWindow, maxDistanceKm, distanceWindow);
    }

    static ScanProperties properties(int queueCapacity, ScanProperties.Clone rules) {
        return new ScanProperties("test-salt", queueCapacity, 500, Duration.ofMillis(200), Duration.ofSeconds(30), MARKET,
                rules);
    }

    static long scansOf(Driver driver, String path) {
        return driver.executableQuery("MATCH (:TraceCode {path: $path})<-[:SCANNED]-(s:ScanEvent) RETURN count(s)")
                .withParameters(Map.of("path", path)).execute().records().getFirst().get(0).asLong();
    }
}
