package io.crosstrace.hub.recall;

import static io.crosstrace.hub.recall.RecallFixtures.count;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.crosstrace.hub.HubIntegrationTest;
import io.crosstrace.hub.Partners;
import io.crosstrace.hub.batch.Batch;
import io.crosstrace.hub.graphql.GlobalId;
import io.crosstrace.hub.recall.RecallFixtures.DemoBatch;
import io.crosstrace.hub.security.AuthService;

/** The forward trace of a demo batch against ground truth computed with Cypher, its unit pages, and who may ask. */
@HubIntegrationTest
class ForwardTraceTest {

    private static final String TRACE = """
            query($batch: ID!) { forwardTrace(batch: $batch) {
              batch { lot } unitCount
              shipments { shipment { number } quantity }
              consignments { consignment { declarationNumber } quantity }
              importers { gln } ports { gln }
              scans { scannedUnits totalScans locatedScans byCountry { country scans units } byCell { latitude longitude scans } }
            } }""";

    @Autowired
    HttpGraphQlTester graphQl;
    @Autowired
    AuthService auth;
    @Autowired
    Driver driver;

    private DemoBatch batch;

    @BeforeEach
    void aDeclaredBatchWithSomeScans() {
        batch = RecallFixtures.declaredBatchOfProducer(driver, 1);
        List<String> units = RecallFixtures.unitPaths(driver, batch, 3);
        // Pingtan twice (one unit), Hong Kong once, once from a client whose country and location are unknown.
        RecallFixtures.scan(driver, units.get(0), "CN", 25.51, 119.79);
        RecallFixtures.scan(driver, units.get(0), "CN", 25.49, 119.77);
        RecallFixtures.scan(driver, units.get(1), "HK", 22.30, 114.17);
        RecallFixtures.scan(driver, units.get(2), null, null, null);
    }

    @AfterEach
    void removeTheScans() {
        RecallFixtures.removeTestData(driver);
    }

    @Test
    void the_trace_of_a_batch_matches_the_graph_and_counts_scans_by_country_and_cell() {
        GraphQlTester.Response response = as("analyst").document(TRACE).variable("batch", batch.id()).execute();
        Map<String, Object> p = batch.parameters();

        response.path("forwardTrace.batch.lot").entity(String.class).isEqualTo(batch.lot());
        response.path("forwardTrace.unitCount").entity(Long.class)
                .isEqualTo(count(driver, "MATCH (:Batch {gtin: $gtin, lot: $lot})-[:HAS_UNIT]->(c:TraceCode) RETURN count(c)", p));
        assertThat(response.path("forwardTrace.shipments[*].shipment.number").entityList(String.class).get())
                .containsExactlyInAnyOrderElementsOf(strings("MATCH (:Batch {gtin: $gtin, lot: $lot})<-[:CARRIES]-(s:Shipment) RETURN s.number", p))
                .isNotEmpty();
        assertThat(response.path("forwardTrace.shipments[*].quantity").entityList(Long.class).get().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(count(driver, "MATCH (:Batch {gtin: $gtin, lot: $lot})<-[q:CARRIES]-(:Shipment) RETURN sum(q.quantity)", p));
        assertThat(response.path("forwardTrace.consignments[*].consignment.declarationNumber").entityList(String.class).get())
                .containsExactlyInAnyOrderElementsOf(strings(
                        "MATCH (:Batch {gtin: $gtin, lot: $lot})<-[:DECLARES]-(c:Consignment) RETURN c.declarationNumber", p))
                .isNotEmpty();
        assertThat(response.path("forwardTrace.consignments[*].quantity").entityList(Long.class).get().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(count(driver, "MATCH (:Batch {gtin: $gtin, lot: $lot})<-[q:DECLARES]-(:Consignment) RETURN sum(q.quantity)", p));
        assertThat(response.path("forwardTrace.importers[*].gln").entityList(String.class).get())
                .containsExactlyElementsOf(strings("""
                        MATCH (:Batch {gtin: $gtin, lot: $lot})<-[:DECLARES]-(:Consignment)<-[:IMPORTS]-(o:Organization)
                        RETURN DISTINCT o.gln AS gln ORDER BY gln""", p))
                .contains(RecallFixtures.organizationOf(driver, "importer"));
        assertThat(response.path("forwardTrace.ports[*].gln").entityList(String.class).get())
                .containsExactlyElementsOf(strings("""
                        MATCH (:Batch {gtin: $gtin, lot: $lot})<-[:DECLARES]-(:Consignment)-[:ARRIVES_AT]->(l:Location) RETURN l.gln AS gln
                        UNION
                        MATCH (:Batch {gtin: $gtin, lot: $lot})<-[:CARRIES]-(:Shipment)-[:BOUND_FOR]->(l:Location) RETURN l.gln AS gln""", p)
                        .stream().sorted().toList());

        // Scans: the four above, plus whatever another test may have recorded on this batch (counted the same way).
        response.path("forwardTrace.scans.scannedUnits").entity(Long.class).isEqualTo(count(driver, """
                MATCH (:Batch {gtin: $gtin, lot: $lot})-[:HAS_UNIT]->(c:TraceCode) WHERE EXISTS { (c)<-[:SCANNED]-(:ScanEvent) }
                RETURN count(c)""", p));
        response.path("forwardTrace.scans.totalScans").entity(Long.class).isEqualTo(count(driver,
                "MATCH (:Batch {gtin: $gtin, lot: $lot})-[:HAS_UNIT]->(:TraceCode)<-[:SCANNED]-(s:ScanEvent) RETURN count(s)", p));
        response.path("forwardTrace.scans.locatedScans").entity(Long.class).isEqualTo(count(driver, """
                MATCH (:Batch {gtin: $gtin, lot: $lot})-[:HAS_UNIT]->(:TraceCode)<-[:SCANNED]-(s:ScanEvent)
                WHERE s.latitude IS NOT NULL RETURN count(s)""", p));
        List<Map<String, Object>> byCountry = rows(response, "forwardTrace.scans.byCountry");
        assertThat(byCountry).contains(Map.of("country", "HK", "scans", 1, "units", 1));
        assertThat(byCountry).anySatisfy(row -> assertThat(row).containsEntry("country", "CN").containsEntry("units", 1)
                .hasEntrySatisfying("scans", scans -> assertThat((Integer) scans).isGreaterThanOrEqualTo(2)));
        assertThat(byCountry).anySatisfy(row -> assertThat(row.get("country")).isNull());
        assertThat(byCountry.stream().mapToInt(row -> (Integer) row.get("scans")).sum()).as("every scan in one country row")
                .isEqualTo(response.path("forwardTrace.scans.totalScans").entity(Integer.class).get());
        List<Map<String, Object>> byCell = rows(response, "forwardTrace.scans.byCell");
        assertThat(byCell).anySatisfy(row -> assertThat(row).containsEntry("latitude", 25).containsEntry("longitude", 119)
                .hasEntrySatisfying("scans", s -> assertThat((Integer) s).isGreaterThanOrEqualTo(2)));
        assertThat(byCell).contains(Map.of("latitude", 22, "longitude", 114, "scans", 1));
        assertThat(byCell.get(0).get("scans")).as("most scans first").isEqualTo(byCell.stream().mapToInt(r -> (Integer) r.get("scans")).max().orElseThrow());
    }

    @Test
    void units_come_in_code_order_a_page_at_a_time_and_each_carries_its_scan_count() {
        String query = """
                query($batch: ID!, $after: String) { forwardTrace(batch: $batch) { units(first: 100, after: $after) {
                  totalCount pageInfo { hasNextPage endCursor } edges { node { id uri serial scanCount } } } } }""";
        List<String> all = new ArrayList<>();
        String after = null;
        long total;
        int pages = 0;
        while (true) {
            GraphQlTester.Response page = as("inspector").document(query).variable("batch", batch.id()).variable("after", after).execute();
            total = page.path("forwardTrace.units.totalCount").entity(Long.class).get();
            all.addAll(page.path("forwardTrace.units.edges[*].node.uri").entityList(String.class).get());
            pages++;
            if (!page.path("forwardTrace.units.pageInfo.hasNextPage").entity(Boolean.class).get()) {
                break;
            }
            after = page.path("forwardTrace.units.pageInfo.endCursor").entity(String.class).get();
        }
        List<String> expected = strings("MATCH (:Batch {gtin: $gtin, lot: $lot})-[:HAS_UNIT]->(c:TraceCode) RETURN c.path AS p ORDER BY p",
                batch.parameters());
        assertThat(all).containsExactlyElementsOf(expected);
        assertThat(total).isEqualTo(expected.size());
        assertThat(pages).isEqualTo((expected.size() + 99) / 100);

        GraphQlTester.Response first = as("inspector").document(query).variable("batch", batch.id()).execute();
        first.path("forwardTrace.units.edges[0].node.scanCount").entity(Integer.class).isEqualTo(2);
        first.path("forwardTrace.units.edges[0].node.id").entity(String.class).isEqualTo(GlobalId.of("TraceCode", expected.get(0)));
        as("inspector").document(query).variable("batch", batch.id()).variable("after", "bm90LWEtY3Vyc29y").execute().errors()
                .satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST")));
        as("inspector").document("query($id: ID!) { node(id: $id) { ... on TraceCode { batch { lot } } } }")
                .variable("id", GlobalId.of("TraceCode", expected.get(0))).execute()
                .path("node.batch.lot").entity(String.class).isEqualTo(batch.lot());
    }

    @Test
    void authorities_and_the_batch_producer_may_trace_others_may_not() {
        for (String user : List.of("admin", "analyst", "inspector", "producer")) {
            assertThat(as(user).document(TRACE).variable("batch", batch.id()).execute().path("forwardTrace.batch.lot")
                    .entity(String.class).get()).as(user).isEqualTo(batch.lot());
        }
        for (String user : List.of("producer2", "importer", "exporter", "auditor", "logistics")) {
            as(user).document(TRACE).variable("batch", batch.id()).execute().errors()
                    .satisfy(errors -> assertThat(errors).as(user).singleElement()
                            .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
        }
        graphQl.document(TRACE).variable("batch", batch.id()).execute().errors()
                .satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("UNAUTHORIZED")));

        String missing = GlobalId.of(Batch.TYPE, Batch.key(batch.gtin(), "NO-SUCH-LOT"));
        as("analyst").document(TRACE).variable("batch", missing).execute().path("forwardTrace").valueIsNull();
        as("producer").document(TRACE).variable("batch", missing).execute().errors()
                .satisfy(errors -> assertThat(errors).as("a missing batch looks like someone else's").singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
    }

    private HttpGraphQlTester as(String user) {
        return RecallFixtures.patient(Partners.as(graphQl, auth, user));
    }

    private List<String> strings(String cypher, Map<String, Object> parameters) {
        return driver.executableQuery(cypher).withParameters(parameters).execute().records().stream()
                .map(r -> r.get(0).asString()).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(GraphQlTester.Response response, String path) {
        return (List<Map<String, Object>>) (List<?>) response.path(path).entityList(Map.class).get();
    }
}
