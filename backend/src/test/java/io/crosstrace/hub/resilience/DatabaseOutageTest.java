package io.crosstrace.hub.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.crosstrace.CrossTraceApplication;
import io.crosstrace.hub.DemoData;
import io.crosstrace.hub.Partners;
import io.crosstrace.schema.embedded.EmbeddedNeo4j;

/**
 * The hub talking to Neo4j through a TCP proxy that is cut and restored, as when the database host goes away and
 * comes back: readiness follows, consumers get a 503 page fast, partners a classified error, and the hub recovers
 * with no restart.
 */
class DatabaseOutageTest {

    private static final Duration FAST = Duration.ofSeconds(1);

    @TempDir
    static Path dir;

    static EmbeddedNeo4j neo4j;
    static TcpProxy proxy;
    static ConfigurableApplicationContext hub;
    static HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static String base;
    static String unitPath;

    @BeforeAll
    static void startHubBehindProxy() throws Exception {
        neo4j = EmbeddedNeo4j.start(dir.resolve("neo4j"), 0, "64m");
        proxy = new TcpProxy(neo4j.boltUri().getPort());
        hub = new SpringApplicationBuilder(CrossTraceApplication.class).run(
                "--spring.neo4j.uri=bolt://localhost:" + proxy.port(), "--spring.neo4j.authentication.username=neo4j",
                "--crosstrace.data-dir=" + dir.resolve("hub"), "--server.port=0",
                "--crosstrace.security.demo-password=" + Partners.DEMO_PASSWORD);
        base = "http://localhost:" + hub.getEnvironment().getProperty("local.server.port");
        try (Driver direct = GraphDatabase.driver(neo4j.boltUri().toString(), AuthTokens.none())) {
            unitPath = DemoData.shippedUnitPath(direct);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (hub != null) {
            hub.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (neo4j != null) {
            neo4j.close();
        }
    }

    @Test
    void an_outage_is_answered_fast_and_clearly_and_the_hub_recovers_by_itself() throws Exception {
        String token = login("inspector");
        assertThat(get("/actuator/health/readiness", "application/json").statusCode()).isEqualTo(200);
        assertThat(get(unitPath, "text/html").statusCode()).isEqualTo(200);

        proxy.cut();

        awaitWithin(Duration.ofSeconds(10), () -> get("/actuator/health/readiness", "application/json").statusCode() == 503);

        long started = System.nanoTime();
        HttpResponse<String> page = get(unitPath, "text/html,application/xhtml+xml;q=0.9");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(FAST);
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("暂时无法查询", "Temporarily unavailable", unitPath).doesNotContain("Exception");

        HttpResponse<String> linkset = get(unitPath + "?linkType=linkset", "application/linkset+json");
        assertThat(linkset.statusCode()).isEqualTo(503);
        assertThat(linkset.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(linkset.headers().firstValue("Retry-After")).isPresent();

        HttpResponse<String> rest = post("/api/auth/login", null,
                "{\"username\":\"importer\",\"password\":\"" + Partners.DEMO_PASSWORD + "\"}");
        assertThat(rest.statusCode()).isEqualTo(503);
        assertThat(rest.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(rest.body()).doesNotContain("Exception", "at io.");

        HttpResponse<String> graphQl = post("/graphql", token,
                "{\"query\":\"{ consignments(first: 5) { totalCount edges { node { status } } } }\"}");
        assertThat(graphQl.statusCode()).isEqualTo(200);
        assertThat(graphQl.body()).contains("\"classification\":\"UNAVAILABLE\"").contains("retry in")
                .doesNotContain("INTERNAL_ERROR", "Exception");

        List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        long burstStarted = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            burst.add(http.sendAsync(request("/scan" + unitPath, "text/html").GET().build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> answer : burst) {
            assertThat(answer.get().statusCode()).isEqualTo(503);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - burstStarted)).as("100 concurrent scans while down")
                .isLessThan(FAST);

        proxy.restore();

        awaitWithin(Duration.ofSeconds(10), () -> get("/actuator/health/readiness", "application/json").statusCode() == 200);
        HttpResponse<String> again = get(unitPath, "text/html");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains(unitPath.substring(unitPath.lastIndexOf('/') + 1));
        assertThat(post("/graphql", token, "{\"query\":\"{ consignments(first: 5) { totalCount } }\"}").body())
                .doesNotContain("errors");
    }

    @Test
    void a_managed_write_survives_connections_that_drop_on_the_way() {
        proxy.dropNextConnections(2);
        int acceptedBefore = proxy.accepted();
        try (Driver driver = GraphDatabase.driver("bolt://localhost:" + proxy.port(), AuthTokens.none());
                Session session = driver.session()) {
            long written = session.executeWrite(tx -> tx.run("CREATE (p:RetryProbe {name: 'dropped'}) RETURN count(p) AS n")
                    .single().get("n").asLong());
            assertThat(written).isOne();
            assertThat(proxy.accepted() - acceptedBefore).as("two dropped connections, then one that worked")
                    .isGreaterThanOrEqualTo(3);
            session.executeWriteWithoutResult(tx -> tx.run("MATCH (p:RetryProbe {name: 'dropped'}) DELETE p").consume());
        }
    }

    private static String login(String username) throws Exception {
        String body = post("/api/auth/login", null,
                "{\"username\":\"" + username + "\",\"password\":\"" + Partners.DEMO_PASSWORD + "\"}").body();
        return body.replaceFirst("(?s).*\"accessToken\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    private static HttpResponse<String> get(String path, String accept) {
        return send(request(path, accept).GET().build());
    }

    private static HttpResponse<String> post(String path, String token, String json) {
        HttpRequest.Builder request = request(path, "application/json").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    private static HttpRequest.Builder request(String path, String accept) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).header("Accept-Language", "zh-CN")
                .timeout(Duration.ofSeconds(30));
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitWithin(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within " + limit).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
