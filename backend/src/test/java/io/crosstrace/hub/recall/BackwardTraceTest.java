package io.crosstrace.hub.recall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.crosstrace.hub.HubIntegrationTest;
import io.crosstrace.hub.Partners;
import io.crosstrace.hub.security.AuthService;

/**
 * Backward traces from a unit code and from a consumer's problem report: batch, premises, producer, the premises'
 * batches within the window, the batches that shared its shipments; and who may ask.
 */
@HubIntegrationTest
class BackwardTraceTest {

    private static final String TRACE = """
            query($code: String, $report: String, $window: Int) {
              backwardTrace(code: $code, report: $report, windowDays: $window) {
                unit { uri } report { number what } windowDays
                batch { gtin lot } product { gtin } premises { gln } producer { gln }
                premisesSiblings { batch { gtin lot } daysApart }
                shipmentSiblings { batch { gtin lot } shipments { number } }
              } }""";

    @Autowired
    HttpGraphQlTester graphQl;
    @Autowired
    AuthService auth;
    @Autowired
    Driver driver;

    /** A unit of a batch whose premises made other batches, and whose shipments carried other batches. */
    private String unit;
    private Record truth;

    @BeforeEach
    void aUnitWithSiblings() {
        truth = driver.executableQuery("""
                MATCH (o:Organization)-[:OPERATES]->(pr:Premises)-[:PRODUCED]->(b:Batch)-[:HAS_UNIT]->(c:TraceCode)
                WHERE EXISTS { (pr)-[:PRODUCED]->(x:Batch) WHERE x <> b AND abs(duration.inDays(b.productionDate, x.productionDate).days) <= 30 }
                  AND EXISTS { (b)<-[:CARRIES]-(:Shipment)-[:CARRIES]->(x:Batch) WHERE x <> b }
                WITH o, pr, b, min(c.path) AS path
                RETURN o.gln AS producer, pr.gln AS premises, b.gtin AS gtin, b.lot AS lot, b.productionDate AS produced, path
                ORDER BY b.productionDate, b.gtin, b.lot LIMIT 1""").execute().records().getFirst();
        unit = truth.get("path").asString();
    }

    @AfterEach
    void removeReports() {
        RecallFixtures.removeTestData(driver);
    }

    @Test
    void from_a_code_the_trace_names_batch_premises_producer_and_siblings_within_the_window() {
        GraphQlTester.Response response = as("inspector").document(TRACE).variable("code", unit).execute();

        response.path("backwardTrace.unit.uri").entity(String.class).isEqualTo(unit)
                .path("backwardTrace.report").valueIsNull()
                .path("backwardTrace.windowDays").entity(Integer.class).isEqualTo(30)
                .path("backwardTrace.batch.lot").entity(String.class).isEqualTo(truth.get("lot").asString())
                .path("backwardTrace.product.gtin").entity(String.class).isEqualTo(truth.get("gtin").asString())
                .path("backwardTrace.premises.gln").entity(String.class).isEqualTo(truth.get("premises").asString())
                .path("backwardTrace.producer.gln").entity(String.class).isEqualTo(truth.get("producer").asString());
        assertThat(keys(response, "backwardTrace.premisesSiblings[*].batch")).isNotEmpty().containsExactlyElementsOf(premisesSiblings(30));
        List<Integer> days = response.path("backwardTrace.premisesSiblings[*].daysApart").entityList(Integer.class).get();
        assertThat(days).allSatisfy(d -> assertThat(Math.abs(d)).isLessThanOrEqualTo(30)).isSorted();
        assertThat(keys(response, "backwardTrace.shipmentSiblings[*].batch")).isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(strings("""
                        MATCH (:Batch {gtin: $gtin, lot: $lot})<-[:CARRIES]-(:Shipment)-[:CARRIES]->(x:Batch)
                        WHERE NOT (x.gtin = $gtin AND x.lot = $lot) RETURN DISTINCT x.gtin + '/' + x.lot""", batchParameters()));
        assertThat(response.path("backwardTrace.shipmentSiblings[0].shipments[*].number").entityList(String.class).get()).isNotEmpty();

        GraphQlTester.Response wide = as("analyst").document(TRACE).variable("code", "https://id.example.com" + unit)
                .variable("window", 366).execute();
        assertThat(keys(wide, "backwardTrace.premisesSiblings[*].batch")).containsExactlyElementsOf(premisesSiblings(366))
                .hasSizeGreaterThanOrEqualTo(premisesSiblings(30).size());
        GraphQlTester.Response none = as("admin").document(TRACE).variable("code", unit).variable("window", 0).execute();
        assertThat(keys(none, "backwardTrace.premisesSiblings[*].batch")).containsExactlyElementsOf(premisesSiblings(0));
    }

    @Test
    void from_a_problem_report_the_trace_reaches_the_same_batch_and_only_authorities_read_the_report() {
        String report = RecallFixtures.report(driver, unit);

        as("inspector").document(TRACE).variable("report", report).execute()
                .path("backwardTrace.unit.uri").entity(String.class).isEqualTo(unit)
                .path("backwardTrace.report.number").entity(String.class).isEqualTo(report)
                .path("backwardTrace.report.what").entity(String.class).isEqualTo("The powder smells sour")
                .path("backwardTrace.batch.lot").entity(String.class).isEqualTo(truth.get("lot").asString());

        String producer = producerUsername();
        if (producer != null) {
            as(producer).document(TRACE).variable("report", report).execute()
                    .path("backwardTrace.batch.lot").entity(String.class).isEqualTo(truth.get("lot").asString())
                    .path("backwardTrace.report").valueIsNull();
        }
        as("admin").document(TRACE).variable("report", "PR-NO-SUCH-REPORT").execute().path("backwardTrace").valueIsNull();
    }

    @Test
    void the_producer_traces_its_own_units_and_sees_only_its_own_siblings() {
        String producer = producerUsername();
        String other = "producer".equals(producer) ? "producer2" : "producer";
        if (producer != null) {
            GraphQlTester.Response own = as(producer).document(TRACE).variable("code", unit).execute();
            assertThat(keys(own, "backwardTrace.premisesSiblings[*].batch")).containsExactlyElementsOf(premisesSiblings(30));
            assertThat(keys(own, "backwardTrace.shipmentSiblings[*].batch")).as("another producer's batches stay hidden")
                    .containsExactlyInAnyOrderElementsOf(strings("""
                            MATCH (:Batch {gtin: $gtin, lot: $lot})<-[:CARRIES]-(:Shipment)-[:CARRIES]->(x:Batch)<-[:PRODUCED]-(:Premises)<-[:OPERATES]-(:Organization {gln: $producer})
                            WHERE NOT (x.gtin = $gtin AND x.lot = $lot) RETURN DISTINCT x.gtin + '/' + x.lot""",
                            Map.of("gtin", truth.get("gtin").asString(), "lot", truth.get("lot").asString(),
                                    "producer", truth.get("producer").asString())));
        }
        forbidden(as(other).document(TRACE).variable("code", unit).execute());
        forbidden(as("importer").document(TRACE).variable("code", unit).execute());
        forbidden(as("producer").document(TRACE).variable("code", unit.substring(0, unit.lastIndexOf('/') + 1) + "NOSUCHUNIT1").execute());
    }

    @Test
    void bad_arguments_are_bad_requests() {
        for (GraphQlTester.Response response : List.of(
                as("admin").document(TRACE).variable("code", unit).variable("report", "PR-1").execute(),
                as("admin").document(TRACE).execute(),
                as("admin").document(TRACE).variable("code", unit).variable("window", 367).execute(),
                as("admin").document(TRACE).variable("code", unit).variable("window", -1).execute(),
                as("admin").document(TRACE).variable("code", "/01/" + truth.get("gtin").asString()).execute(),
                as("admin").document(TRACE).variable("code", "not a code").execute())) {
            response.errors().satisfy(errors -> assertThat(errors).singleElement()
                    .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST")));
        }
    }

    private List<String> premisesSiblings(int window) {
        return strings("""
                MATCH (pr:Premises)-[:PRODUCED]->(b:Batch {gtin: $gtin, lot: $lot})
                MATCH (pr)-[:PRODUCED]->(x:Batch)
                WHERE x <> b AND abs(duration.inDays(b.productionDate, x.productionDate).days) <= $window
                RETURN x.gtin + '/' + x.lot ORDER BY x.productionDate, x.gtin, x.lot""",
                Map.of("gtin", truth.get("gtin").asString(), "lot", truth.get("lot").asString(), "window", window));
    }

    /** The demo user of the producer of the unit, if it has one. */
    private String producerUsername() {
        for (String user : List.of("producer", "producer2")) {
            if (RecallFixtures.organizationOf(driver, user).equals(truth.get("producer").asString())) {
                return user;
            }
        }
        return null;
    }

    private Map<String, Object> batchParameters() {
        return Map.of("gtin", truth.get("gtin").asString(), "lot", truth.get("lot").asString());
    }

    private static List<String> keys(GraphQlTester.Response response, String path) {
        return response.path(path).entityList(Map.class).get().stream().map(m -> m.get("gtin") + "/" + m.get("lot")).toList();
    }

    private static void forbidden(GraphQlTester.Response response) {
        response.errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
    }

    private HttpGraphQlTester as(String user) {
        return RecallFixtures.patient(Partners.as(graphQl, auth, user));
    }

    private List<String> strings(String cypher, Map<String, Object> parameters) {
        return driver.executableQuery(cypher).withParameters(parameters).execute().records().stream()
                .map(r -> r.get(0).asString()).toList();
    }
}
