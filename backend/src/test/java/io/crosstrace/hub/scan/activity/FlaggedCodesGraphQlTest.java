package io.crosstrace.hub.scan.activity;

import static io.crosstrace.hub.scan.activity.ScanTestCodes.scan;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.crosstrace.hub.HubIntegrationTest;
import io.crosstrace.hub.graphdb.CypherStatementCounter;

@HubIntegrationTest
class FlaggedCodesGraphQlTest {

    private static final String FLAGGED = """
            query($rule: CloneRule, $first: Int, $after: String) {
              flaggedCodes(rule: $rule, first: $first, after: $after) {
                totalCount
                pageInfo { hasNextPage endCursor }
                edges { cursor node { uri scanCount cloneFlags { rule reason reasonZh flaggedAt } } }
              }
            }""";

    @Autowired
    ScanRecorder recorder;
    @Autowired
    Driver driver;
    HttpGraphQlTester graphQl;
    @Autowired
    CypherStatementCounter statements;

    /** Two cores shared with other builds: a cold first query can take longer than the tester's 5 s default. */
    @Autowired
    void graphQl(HttpGraphQlTester tester, io.crosstrace.hub.security.AuthService auth) {
        graphQl = io.crosstrace.hub.Partners.as(tester, auth, "inspector").mutate().responseTimeout(Duration.ofSeconds(60)).build();
    }

    @Test
    void flagged_codes_lists_codes_with_their_reasons_newest_flag_first() {
        ScanTestCodes.Code older = flagNotShippedHere();
        ScanTestCodes.Code newer = flagNotShippedHere();

        var response = graphQl.document(FLAGGED).variable("rule", "NOT_SHIPPED_HERE").variable("first", 500).execute();

        List<String> uris = response.path("flaggedCodes.edges[*].node.uri").entityList(String.class).get();
        assertThat(uris).contains(older.path(), newer.path());
        assertThat(uris.indexOf(newer.path())).isLessThan(uris.indexOf(older.path()));
        response.path("flaggedCodes.totalCount").entity(Long.class).isEqualTo(flaggedCodes(driver, "NOT_SHIPPED_HERE"));
        int at = uris.indexOf(newer.path());
        response.path("flaggedCodes.edges[" + at + "].node.scanCount").entity(Integer.class).isEqualTo(1);
        response.path("flaggedCodes.edges[" + at + "].node.cloneFlags[0].rule").entity(String.class).isEqualTo("NOT_SHIPPED_HERE");
        response.path("flaggedCodes.edges[" + at + "].node.cloneFlags[0].reason").entity(String.class)
                .satisfies(reason -> assertThat(reason).contains("never declared for import"));
        response.path("flaggedCodes.edges[" + at + "].node.cloneFlags[0].reasonZh").entity(String.class)
                .satisfies(reason -> assertThat(reason).contains("从未申报进口"));

        List<OffsetDateTime> newestPerCode = uris.stream()
                .map(uri -> newestFlag(response, uris.indexOf(uri), "NOT_SHIPPED_HERE")).toList();
        assertThat(newestPerCode).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void flagged_codes_filters_by_rule() {
        ScanTestCodes.Code manyClients = ScanTestCodes.released(driver);
        for (int client = 0; client < 6; client++) {
            recorder.record(scan(manyClients.path(), manyClients.afterRelease().plus(Duration.ofMinutes(client)), client));
        }
        ScanTestCodes.Code notShipped = flagNotShippedHere();
        recorder.flush();

        List<String> uris = graphQl.document(FLAGGED).variable("rule", "MANY_CLIENTS").variable("first", 500).execute()
                .path("flaggedCodes.edges[*].node.cloneFlags[*].rule").entityList(String.class).contains("MANY_CLIENTS")
                .path("flaggedCodes.edges[*].node.uri").entityList(String.class).get();
        assertThat(uris).contains(manyClients.path()).doesNotContain(notShipped.path());

        List<String> all = graphQl.document(FLAGGED).variable("first", 500).execute()
                .path("flaggedCodes.edges[*].node.uri").entityList(String.class).get();
        assertThat(all).contains(manyClients.path(), notShipped.path());
    }

    @Test
    void flagged_codes_pages_with_cursors() {
        flagNotShippedHere();
        flagNotShippedHere();

        var first = graphQl.document(FLAGGED).variable("first", 1).execute();
        first.path("flaggedCodes.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        String cursor = first.path("flaggedCodes.pageInfo.endCursor").entity(String.class).get();
        String firstUri = first.path("flaggedCodes.edges[0].node.uri").entity(String.class).get();

        graphQl.document(FLAGGED).variable("first", 1).variable("after", cursor).execute()
                .path("flaggedCodes.edges[0].node.uri").entity(String.class)
                .satisfies(uri -> assertThat(uri).isNotEqualTo(firstUri));
    }

    @Test
    void scan_fields_of_a_page_of_codes_cost_the_same_statements_whatever_the_page_size() {
        flagNotShippedHere();
        flagNotShippedHere();
        flagNotShippedHere();
        String query = "query($first: Int) { flaggedCodes(first: $first) { edges { node { scanCount cloneFlags { rule } } } } }";

        long before = statements.count();
        graphQl.document(query).variable("first", 1).execute().path("flaggedCodes.edges").entityList(Object.class).hasSize(1);
        long forOne = statements.count() - before;
        before = statements.count();
        graphQl.document(query).variable("first", 3).execute().path("flaggedCodes.edges").entityList(Object.class).hasSize(3);
        long forThree = statements.count() - before;

        assertThat(forThree).isEqualTo(forOne);
    }

    @Test
    void a_malformed_cursor_is_a_bad_request() {
        graphQl.document(FLAGGED).variable("after", "not-a-cursor").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST")));
    }

    private ScanTestCodes.Code flagNotShippedHere() {
        ScanTestCodes.Code code = ScanTestCodes.undeclared(driver);
        recorder.record(scan(code.path(), Instant.parse("2026-11-22T03:00:00Z"), 1));
        recorder.flush();
        return code;
    }

    private static OffsetDateTime newestFlag(GraphQlTester.Response response, int edge, String rule) {
        return response.path("flaggedCodes.edges[" + edge + "].node.cloneFlags").entityList(Map.class).get().stream()
                .filter(flag -> rule.equals(flag.get("rule")))
                .map(flag -> OffsetDateTime.parse((String) flag.get("flaggedAt")))
                .max(Comparator.naturalOrder()).orElseThrow();
    }

    /** Counted straight from the database, to compare the API with. */
    private static long flaggedCodes(Driver driver, String rule) {
        return driver.executableQuery("MATCH (:CloneFlag {rule: $rule})-[:FLAGS]->(c:TraceCode) RETURN count(DISTINCT c)")
                .withParameters(Map.of("rule", rule)).execute().records().getFirst().get(0).asLong();
    }
}
