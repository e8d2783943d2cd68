package io.crosstrace.hub.recall;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.crosstrace.hub.batch.Batch;
import io.crosstrace.hub.graphql.GlobalId;

/**
 * Demo-world facts the recall and trace tests start from, read from the database. The tests share it with every
 * other test class: they pick batches by rule, never by count, and remove what they add.
 */
final class RecallFixtures {

    /** Marks the scan events and reports these tests create, so that they can remove exactly those. */
    static final String TEST_MARK = "recall-test";
    static final String REPORT_PREFIX = "PR-RECALL-TEST-";

    private RecallFixtures() {
    }

    /** A demo batch, with what the tests need to address it. */
    record DemoBatch(String gtin, String lot) {

        String key() {
            return Batch.key(gtin, lot);
        }

        String id() {
            return GlobalId.of(Batch.TYPE, key());
        }

        Map<String, Object> parameters() {
            return Map.of("gtin", gtin, "lot", lot);
        }
    }

    /**
     * The tester with a generous response timeout: the first trace plans a large statement, which on a busy build
     * machine can take longer than the tester's default of five seconds.
     */
    static HttpGraphQlTester patient(HttpGraphQlTester tester) {
        return tester.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    static String organizationOf(Driver driver, String username) {
        return driver.executableQuery("MATCH (:User {username: $u})-[:MEMBER_OF]->(o:Organization) RETURN o.gln")
                .withParameters(Map.of("u", username)).execute().records().getFirst().get(0).asString();
    }

    /**
     * A batch of the demo user {@code producer}, shipped and declared by the demo user {@code importer} at a port the
     * demo user {@code inspector} inspects, with units. {@code nth} picks among them by production date, newest first,
     * so different test classes can work on different batches.
     */
    static DemoBatch declaredBatchOfProducer(Driver driver, int nth) {
        Record r = driver.executableQuery("""
                MATCH (:User {username: 'producer'})-[:MEMBER_OF]->(:Organization)-[:OPERATES]->(:Premises)-[:PRODUCED]->(b:Batch)
                WHERE EXISTS { (:User {username: 'importer'})-[:MEMBER_OF]->(:Organization)-[:IMPORTS]->(c:Consignment)-[:DECLARES]->(b)
                               WHERE EXISTS { (:User {username: 'inspector'})-[:MEMBER_OF]->(:Organization)-[:INSPECTS_AT]->(:Location)<-[:ARRIVES_AT]-(c) } }
                  AND EXISTS { (b)<-[:CARRIES]-(:Shipment) } AND EXISTS { (b)-[:HAS_UNIT]->() }
                RETURN b.gtin AS gtin, b.lot AS lot ORDER BY b.productionDate DESC, b.gtin, b.lot SKIP $nth LIMIT 1""")
                .withParameters(Map.of("nth", nth)).execute().records().getFirst();
        return new DemoBatch(r.get("gtin").asString(), r.get("lot").asString());
    }

    /** Paths of the first units of the batch, in path order. */
    static List<String> unitPaths(Driver driver, DemoBatch batch, int count) {
        return driver.executableQuery("""
                MATCH (:Batch {gtin: $gtin, lot: $lot})-[:HAS_UNIT]->(c:TraceCode)
                RETURN c.path AS path ORDER BY path LIMIT $n""")
                .withParameters(Map.of("gtin", batch.gtin(), "lot", batch.lot(), "n", count)).execute().records().stream()
                .map(r -> r.get("path").asString()).toList();
    }

    /** Records a consumer scan of a unit directly, as the scan recorder would; marked for {@link #removeTestData}. */
    static void scan(Driver driver, String path, String country, Double latitude, Double longitude) {
        Map<String, Object> p = new HashMap<>();
        p.put("path", path);
        p.put("country", country);
        p.put("latitude", latitude);
        p.put("longitude", longitude);
        p.put("mark", TEST_MARK);
        driver.executableQuery("""
                MATCH (c:TraceCode {path: $path})
                CREATE (s:ScanEvent {scannedAt: datetime(), clientHash: $mark, language: 'zh-CN'})-[:SCANNED]->(c)
                SET s.country = $country, s.latitude = $latitude, s.longitude = $longitude""")
                .withParameters(p).execute();
    }

    /** A consumer's problem report about a unit, as the scan page would store it; returns its number. */
    static String report(Driver driver, String path) {
        String number = REPORT_PREFIX + UUID.randomUUID();
        driver.executableQuery("""
                MATCH (c:TraceCode {path: $path})
                CREATE (:ProblemReport {number: $number, codePath: $path, what: 'The powder smells sour', whereBought: 'Online shop',
                                        contact: 'consumer@example.com', language: 'en', reportedAt: datetime()})-[:ABOUT]->(c)""")
                .withParameters(Map.of("path", path, "number", number)).execute();
        return number;
    }

    /** Removes the scan events and problem reports these tests created. */
    static void removeTestData(Driver driver) {
        driver.executableQuery("MATCH (s:ScanEvent {clientHash: $mark}) DETACH DELETE s")
                .withParameters(Map.of("mark", TEST_MARK)).execute();
        driver.executableQuery("MATCH (r:ProblemReport) WHERE r.number STARTS WITH $prefix DETACH DELETE r")
                .withParameters(Map.of("prefix", REPORT_PREFIX)).execute();
    }

    /** Deletes recalls by number, with their RECALLS relationships: other test classes expect no recall on demo units. */
    static void deleteRecalls(Driver driver, Collection<String> numbers) {
        if (!numbers.isEmpty()) {
            driver.executableQuery("MATCH (r:Recall) WHERE r.number IN $numbers DETACH DELETE r")
                    .withParameters(Map.of("numbers", List.copyOf(numbers))).execute();
        }
    }

    static long count(Driver driver, String cypher, Map<String, Object> parameters) {
        return driver.executableQuery(cypher).withParameters(parameters).execute().records().getFirst().get(0).asLong();
    }
}
