package io.crosstrace.hub.graphdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.crosstrace.CrossTraceApplication;
import io.crosstrace.hub.graphql.GlobalId;

/**
 * Two hub instances behind one database, as behind a load balancer: the first runs the embedded engine, the second
 * reaches it over Bolt as an external Neo4j. They share the data folder for their keys, as instances of one
 * deployment share their secrets. A partner signed in on one is served by the other; a recall written through one
 * is read through the other at once, and shows at once on the other's scan pages, whose batch part it had kept.
 */
class TwoInstancesTest {

    private static final String PASSWORD = "two-instances-test-password";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dataDir;

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void start() {
        first = hub("--crosstrace.embedded.ephemeral=true");
        URI bolt = first.getBean(EmbeddedNeo4jAutoConfiguration.EmbeddedEngine.class).neo4j().boltUri();
        second = hub("--spring.neo4j.uri=" + bolt, "--spring.neo4j.authentication.username=neo4j");
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void a_write_through_one_instance_is_read_through_the_other() throws Exception {
        assertThat(second.getBeanNamesForType(EmbeddedNeo4jAutoConfiguration.EmbeddedEngine.class))
                .as("the second instance runs no engine of its own").isEmpty();
        Record batch = first.getBean(Driver.class).executableQuery("""
                MATCH (:User {username: 'inspector'})-[:MEMBER_OF]->(:Organization)-[:INSPECTS_AT]->(:Location)
                      <-[:ARRIVES_AT]-(:Consignment)-[:DECLARES]->(b:Batch)-[:HAS_UNIT]->(c:TraceCode)
                WHERE NOT EXISTS { (b)<-[:RECALLS]-() }
                WITH b, min(c.path) AS unit ORDER BY b.productionDate DESC LIMIT 1
                RETURN b.gtin AS gtin, b.lot AS lot, unit""")
                .execute().records().getFirst();
        String unit = batch.get("unit").asString();
        assertThat(page(second, unit)).doesNotContain("class=\"v v-RECALLED\"");
        assertThat(page(first, unit)).as("now in the first's batch cache").doesNotContain("class=\"v v-RECALLED\"");

        // Signed in through the first, served by the second: the instances share the token-signing keys.
        String token = signIn(first, "inspector");
        JsonNode initiated = graphQl(second, token, """
                mutation($in: RecallInitiateInput!) { recallInitiate(input: $in) { recall { number } userErrors { code } } }""",
                Map.of("in", Map.of("batches", java.util.List.of(GlobalId.of("Batch",
                        io.crosstrace.hub.batch.Batch.key(batch.get("gtin").asString(), batch.get("lot").asString()))), "reason", "Two instances test", "classification", "CLASS_II",
                        "idempotencyKey", "two-instances-" + unit)));
        assertThat(initiated.path("data").path("recallInitiate").path("userErrors").isEmpty())
                .as("recall written through the second instance: %s", initiated).isTrue();
        String number = initiated.path("data").path("recallInitiate").path("recall").path("number").asString();

        assertThat(page(second, unit)).as("the writer's own pages at once").contains("class=\"v v-RECALLED\"");
        // Read at once through the first: GraphQL reads go to the database, which has the write.
        JsonNode read = graphQl(first, token, "query($n: String!) { recall(number: $n) { number status } }", Map.of("n", number));
        assertThat(read.path("data").path("recall").path("status").asString()).isEqualTo("ACTIVE");
        // The first kept the batch's part of the page, but every page reads the batch's safety state with the unit.
        assertThat(page(first, unit)).as("the other instance's cached page, at once").contains("class=\"v v-RECALLED\"");
    }

    private static ConfigurableApplicationContext hub(String... extra) {
        // The token-signing keys in one folder both read, as a deployment's instances share them (an ephemeral hub
        // would otherwise keep its keys in memory only).
        String[] common = {"--server.port=0", "--crosstrace.data-dir=" + dataDir, "--crosstrace.embedded.page-cache=64m",
                "--crosstrace.security.token-key-dir=" + dataDir.resolve("keys/tokens"),
                "--crosstrace.security.demo-password=" + PASSWORD};
        String[] all = new String[common.length + extra.length];
        System.arraycopy(common, 0, all, 0, common.length);
        System.arraycopy(extra, 0, all, common.length, extra.length);
        return new SpringApplicationBuilder(CrossTraceApplication.class).run(all);
    }

    private static String base(ConfigurableApplicationContext hub) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) hub).getWebServer().getPort();
    }

    private static String page(ConfigurableApplicationContext hub, String unit) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base(hub) + unit))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static String signIn(ConfigurableApplicationContext hub, String username) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base(hub) + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("username", username,
                        "password", PASSWORD)))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("accessToken").asString();
    }

    private static JsonNode graphQl(ConfigurableApplicationContext hub, String token, String query,
            Map<String, Object> variables) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base(hub) + "/graphql"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query,
                        "variables", variables)))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
