package io.crosstrace.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.crosstrace.schema.migration.Migrations;
import io.crosstrace.seed.LoadReport;
import io.crosstrace.seed.WorldLoader;
import io.crosstrace.seed.WorldSpec;

@HubIntegrationTest
class HubOperationsTest {

    @LocalServerPort
    int port;
    @Autowired
    Driver driver;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    @Test
    void readiness_is_up_once_schema_and_demo_world_are_in() throws Exception {
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"");
        assertThat(DemoData.count(driver, "MATCH (m:SchemaMigration) RETURN count(m)")).isEqualTo(Migrations.shipped().size());
        assertThat(DemoData.count(driver, "MATCH (c:TraceCode) RETURN count(c)")).isGreaterThanOrEqualTo(5000);
    }

    @Test
    void prometheus_exposes_the_hub_metrics() throws Exception {
        get("/graphql");
        assertThat(get("/actuator/prometheus").statusCode()).as("metrics without a token").isEqualTo(401);
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                .header("Authorization", "Bearer " + Partners.token(auth, "analyst")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("crosstrace_cypher_statements_total");
    }

    @Test
    void requests_are_timed_but_not_each_security_filter_or_data_fetcher() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Authorization", "Bearer " + Partners.token(auth, "analyst"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ consignments(first: 1) { totalCount } }\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("totalCount");

        List<String> names = meters.getMeters().stream().map(m -> m.getId().getName()).distinct().toList();

        assertThat(names).contains("http.server.requests", "graphql.request");
        assertThat(names).noneMatch(name -> name.startsWith("spring.security.") || name.startsWith("graphql.datafetcher"));
    }

    @Test
    void graphiql_is_served() throws Exception {
        HttpResponse<String> page = get("/graphiql");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).containsIgnoringCase("graphiql");
    }

    @Test
    void seeding_again_is_skipped_and_duplicates_nothing() {
        List<String> labels = List.of("Organization", "Premises", "Product", "Batch", "TraceCode", "Certificate",
                "Inspection", "Shipment", "Consignment");
        List<Long> before = labels.stream().map(this::countOf).toList();

        LoadReport report = new WorldLoader(driver, null).loadIfAbsent(WorldSpec.demo());

        assertThat(report.loaded()).isFalse();
        assertThat(labels.stream().map(this::countOf).toList()).isEqualTo(before);
    }

    @Test
    void errors_never_show_a_stack_trace() throws Exception {
        HttpResponse<String> missing = get("/no/such/page");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    private long countOf(String label) {
        return driver.executableQuery("MATCH (n) WHERE $label IN labels(n) RETURN count(n) AS n")
                .withParameters(Map.of("label", label)).execute().records().getFirst().get("n").asLong();
    }

    @org.springframework.beans.factory.annotation.Autowired
    io.crosstrace.hub.security.AuthService auth;

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
