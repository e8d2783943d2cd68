package io.crosstrace.hub.graphdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Bookmark;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.crosstrace.CrossTraceApplication;
import io.crosstrace.hub.batch.Batch;
import io.crosstrace.hub.graphql.GlobalId;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Two hub instances behind one database, as behind a load balancer: the first runs the embedded engine, the second
 * reaches it over Bolt as an external Neo4j. They share the data folder for their keys, and the bookmark secret, as
 * instances of one deployment share their secrets. A partner signed in on one is served by the other; a recall written
 * through one is read through the other at once, and shows at once on the other's scan pages, whose batch part it had
 * kept. A write through one returns a signed bookmark with which the other begins the partner's next transactions;
 * the second runs its GraphQL controllers on virtual threads, so those bookmarks must follow a request to other threads.
 */
class TwoInstancesTest {

    private static final String PASSWORD = "two-instances-test-password";
    private static final String BOOKMARK_SECRET = "two-instances-test-bookmark-secret-of-enough-length";
    private static final String RECALL = "query($n: String!) { recall(number: $n) { number status } }";
    private static final String RECALL_INITIATE = """
            mutation($in: RecallInitiateInput!) { recallInitiate(input: $in) { recall { number } userErrors { code } } }""";
    /** Never issued by any database: a transaction told to begin after it is refused by the engine. */
    private static final Bookmark UNKNOWN_TO_THE_DATABASE = Bookmark.from("not-a-bookmark-the-database-issued");
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
        second = hub("--spring.neo4j.uri=" + bolt, "--spring.neo4j.authentication.username=neo4j",
                "--spring.threads.virtual.enabled=true");
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
        Record batch = unrecalledBatchAtTheInspectorsPort();
        String unit = batch.get("unit").asString();
        assertThat(page(second, unit)).doesNotContain("class=\"v v-RECALLED\"");
        assertThat(page(first, unit)).as("now in the first's batch cache").doesNotContain("class=\"v v-RECALLED\"");

        // Signed in through the first, served by the second: the instances share the token-signing keys.
        String token = signIn(first, "inspector");
        JsonNode initiated = graphQl(second, token, RECALL_INITIATE, recallOf(batch, "recall"));
        assertThat(initiated.path("data").path("recallInitiate").path("userErrors").isEmpty())
                .as("recall written through the second instance: %s", initiated).isTrue();
        String number = initiated.path("data").path("recallInitiate").path("recall").path("number").asString();

        assertThat(page(second, unit)).as("the writer's own pages at once").contains("class=\"v v-RECALLED\"");
        // Read at once through the first: GraphQL reads go to the database, which has the write.
        JsonNode read = graphQl(first, token, RECALL, Map.of("n", number));
        assertThat(read.path("data").path("recall").path("status").asString()).isEqualTo("ACTIVE");
        // The first kept the batch's part of the page, but every page reads the batch's safety state with the unit.
        assertThat(page(first, unit)).as("the other instance's cached page, at once").contains("class=\"v v-RECALLED\"");
    }

    @Test
    void each_write_returns_a_bookmark_with_which_the_other_instance_begins_the_partners_next_transactions() throws Exception {
        String token = signIn(first, "inspector");
        Record batch = unrecalledBatchAtTheInspectorsPort();

        // Written through the second, whose GraphQL controllers run on virtual threads: the header still comes back.
        HttpResponse<String> initiated = post(second, token, RECALL_INITIATE, recallOf(batch, "bookmarks"), null);
        JsonNode payload = JSON.readTree(initiated.body()).path("data").path("recallInitiate");
        assertThat(payload.path("userErrors").isEmpty()).as(initiated.body()).isTrue();
        String number = payload.path("recall").path("number").asString();
        String afterInitiating = bookmarkOf(initiated);
        assertThat(afterInitiating).startsWith("v1.");

        double carriedByFirst = carriedBegins(first);
        HttpResponse<String> read = post(first, token, RECALL, Map.of("n", number), afterInitiating);
        assertThat(JSON.readTree(read.body()).path("data").path("recall").path("status").asString())
                .as(read.body()).isEqualTo("ACTIVE");
        assertThat(carriedBegins(first)).as("the first's transactions began after the carried bookmarks")
                .isGreaterThan(carriedByFirst);
        assertThat(read.headers().firstValue(BookmarkHeader.NAME)).as("a read adds nothing to wait for").isEmpty();

        // And back: closed through the first, read through the second, whose data fetchers run on other threads.
        HttpResponse<String> closed = post(first, token, """
                mutation($in: RecallCloseInput!) { recallClose(input: $in) { userErrors { code } } }""",
                Map.of("in", Map.of("recall", GlobalId.of("Recall", number), "note", "Two instances test")), afterInitiating);
        assertThat(JSON.readTree(closed.body()).path("data").path("recallClose").path("userErrors").isEmpty())
                .as(closed.body()).isTrue();
        String afterClosing = bookmarkOf(closed);

        double carriedBySecond = carriedBegins(second);
        JsonNode reread = JSON.readTree(post(second, token, RECALL, Map.of("n", number), afterClosing).body());
        assertThat(reread.path("data").path("recall").path("status").asString()).as(reread.toString()).isEqualTo("CLOSED");
        assertThat(carriedBegins(second)).as("the second's transactions began after the carried bookmarks")
                .isGreaterThan(carriedBySecond);
    }

    @Test
    void an_epcis_capture_returns_a_bookmark_too() throws Exception {
        String token = signIn(first, "inspector");
        Record unit = first.getBean(Driver.class).executableQuery("""
                MATCH (:User {username: 'inspector'})-[:MEMBER_OF]->(:Organization)-[:INSPECTS_AT]->(port:Location)
                      <-[:ARRIVES_AT]-(:Consignment)-[:DECLARES]->(:Batch)-[:HAS_UNIT]->(c:TraceCode)
                RETURN port.gln AS port, c.path AS path LIMIT 1""").execute().records().getFirst();
        String eventId = "urn:uuid:" + UUID.randomUUID();
        String event = """
                {"@context": ["https://ref.gs1.org/standards/epcis/epcis-context.jsonld"], "type": "ObjectEvent",
                 "eventID": "%s", "eventTime": "%s", "eventTimeZoneOffset": "+08:00", "action": "OBSERVE",
                 "epcList": ["https://id.gs1.org%s"], "bizStep": "inspecting", "disposition": "conformant",
                 "readPoint": {"id": "https://id.gs1.org/414/%s"}}"""
                .formatted(eventId, Instant.now().truncatedTo(ChronoUnit.MILLIS), unit.get("path").asString(),
                        unit.get("port").asString());
        HttpResponse<String> captured = HTTP.send(HttpRequest.newBuilder(URI.create(base(first) + "/epcis/events"))
                .header("Content-Type", "application/ld+json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(event)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(captured.statusCode()).as(captured.body()).isEqualTo(201);
        String bookmark = bookmarkOf(captured);

        HttpResponse<String> read = HTTP.send(HttpRequest.newBuilder(URI.create(base(second) + "/epcis/events/"
                        + URLEncoder.encode(eventId, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + token).header(BookmarkHeader.NAME, bookmark).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(read.body()).contains(eventId);
    }

    @Test
    void the_other_instance_hands_the_carried_bookmarks_to_the_database() throws Exception {
        String token = signIn(first, "inspector");
        // Signed with the deployment's secret, but around a bookmark no database issued: the engine refuses to begin
        // the transaction, which it could not do had the bookmark stayed in the hub.
        String unknown = header(Clock.systemUTC()).write(List.of(UNKNOWN_TO_THE_DATABASE));

        JsonNode refused = JSON.readTree(post(second, token, RECALL, Map.of("n", "R-NONE"), unknown).body());

        assertThat(refused.path("errors").isEmpty()).as(refused.toString()).isFalse();
        assertThat(refused.path("errors").get(0).path("extensions").path("classification").asString())
                .as("the client's header, not the hub, is at fault").isEqualTo("BAD_REQUEST");
        assertThat(refused.path("errors").get(0).path("message").asString()).contains("CrossTrace-Bookmark");
        assertThat(refused.path("data").path("recall").isNull()).as(refused.toString()).isTrue();
        HttpResponse<String> epcis = HTTP.send(HttpRequest.newBuilder(URI.create(base(second) + "/epcis/events"))
                .header("Authorization", "Bearer " + token).header(BookmarkHeader.NAME, unknown).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(epcis.statusCode()).as(epcis.body()).isEqualTo(400);
        assertThat(epcis.body()).contains("CrossTrace-Bookmark");
        HttpResponse<String> export = HTTP.send(HttpRequest.newBuilder(URI.create(base(second) + "/api/exports/fsma204.csv"))
                .header("Authorization", "Bearer " + token).header(BookmarkHeader.NAME, unknown).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(export.statusCode()).as("any other REST endpoint: " + export.body()).isEqualTo(400);
        assertThat(export.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/problem+json"));
        assertThat(export.body()).contains("CrossTrace-Bookmark");
        // Statements outside a transaction (the blacklist's) go to the leader, which has every write, without carried
        // bookmarks: a driver session that failed would keep them as its instance's own and fail all that follows.
        JsonNode outside = JSON.readTree(post(second, token, "{ blacklist { reason } }", Map.of(), unknown).body());
        assertThat(outside.path("errors").isMissingNode()).as(outside.toString()).isTrue();
        assertThat(JSON.readTree(post(second, token, RECALL, Map.of("n", "R-NONE"), null).body()).path("errors").isMissingNode())
                .as("the refused bookmark stays with that request: the instance serves the next one").isTrue();
    }

    @Test
    void carried_bookmarks_never_become_the_instances_own() throws Exception {
        String token = signIn(first, "inspector");
        // A genuine bookmark, of the system database: a transaction on the hub's database may begin after it, and it
        // is told apart from every bookmark the hub's own transactions get.
        Bookmark system;
        try (Session session = first.getBean(Driver.class).session(SessionConfig.forDatabase("system"))) {
            session.executeRead(tx -> tx.run("SHOW DATABASES YIELD name").consume());
            system = session.lastBookmarks().iterator().next();
        }

        double carried = carriedBegins(second);
        HttpResponse<String> read = post(second, token, RECALL, Map.of("n", "R-NONE"), header(Clock.systemUTC())
                .write(List.of(system)));

        assertThat(JSON.readTree(read.body()).path("errors").isMissingNode()).as(read.body()).isTrue();
        assertThat(carriedBegins(second)).as("it was carried").isGreaterThan(carried);
        assertThat(second.getBean(CarriedBookmarks.class).manager().getBookmarks()).doesNotContain(system);
    }

    @Test
    void a_changed_bookmark_header_is_answered_400_before_anything_runs() throws Exception {
        String token = signIn(first, "inspector");
        String genuine = header(Clock.systemUTC()).write(List.of(Bookmark.from("FB:kcwQhRyDJUflTMGlNT8WQrZZmBOQ")));
        String[] parts = genuine.split("\\.");
        parts[1] = String.valueOf(Long.parseLong(parts[1]) + 86_400);
        String changed = String.join(".", parts);

        for (HttpResponse<String> response : List.of(post(second, token, RECALL, Map.of("n", "R-NONE"), changed),
                HTTP.send(HttpRequest.newBuilder(URI.create(base(second) + "/epcis/events?perPage=1"))
                        .header("Authorization", "Bearer " + token).header(BookmarkHeader.NAME, "garbage").GET().build(),
                        HttpResponse.BodyHandlers.ofString()))) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.path("title").asString()).isEqualTo("Invalid bookmark header");
            assertThat(problem.path("detail").asString()).contains(BookmarkHeader.NAME, "unchanged");
        }
    }

    @Test
    void an_expired_bookmark_header_is_ignored() throws Exception {
        String token = signIn(first, "inspector");
        // Had it been handed to the driver, this bookmark would fail the request (see above).
        String expired = header(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10))).write(List.of(UNKNOWN_TO_THE_DATABASE));
        double carried = carriedBegins(second);

        HttpResponse<String> response = post(second, token, RECALL, Map.of("n", "R-NONE"), expired);

        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("errors").isMissingNode()).as(response.body()).isTrue();
        assertThat(body.path("data").has("recall")).isTrue();
        assertThat(carriedBegins(second)).isEqualTo(carried);
    }

    @Test
    void a_request_without_the_header_is_served_as_before() throws Exception {
        String token = signIn(first, "inspector");
        double carried = carriedBegins(second);

        HttpResponse<String> response = post(second, token, RECALL, Map.of("n", "R-NONE"), null);

        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("errors").isMissingNode()).as(response.body()).isTrue();
        assertThat(body.path("data").has("recall")).isTrue();
        assertThat(carriedBegins(second)).isEqualTo(carried);
        assertThat(response.headers().firstValue(BookmarkHeader.NAME)).isEmpty();
    }

    private static ConfigurableApplicationContext hub(String... extra) {
        // The token-signing keys in one folder both read, as a deployment's instances share them (an ephemeral hub
        // would otherwise keep its keys in memory only).
        String[] common = {"--server.port=0", "--crosstrace.data-dir=" + dataDir, "--crosstrace.embedded.page-cache=64m",
                "--crosstrace.security.token-key-dir=" + dataDir.resolve("keys/tokens"),
                "--crosstrace.security.demo-password=" + PASSWORD, "--crosstrace.bookmarks.secret=" + BOOKMARK_SECRET,
                // On a loaded machine the second's first connection (its migration check) may take longer than the one
                // second a request waits in production; failing fast is not what this tests.
                "--spring.neo4j.pool.connection-acquisition-timeout=15s", "--spring.neo4j.connection-timeout=15s"};
        String[] all = new String[common.length + extra.length];
        System.arraycopy(common, 0, all, 0, common.length);
        System.arraycopy(extra, 0, all, common.length, extra.length);
        return new SpringApplicationBuilder(CrossTraceApplication.class).run(all);
    }

    /** A header as the deployment writes them, at the given time. */
    private static BookmarkHeader header(Clock clock) {
        return new BookmarkHeader(List.of(BOOKMARK_SECRET.getBytes(StandardCharsets.UTF_8)), Duration.ofMinutes(5), clock);
    }

    private static String bookmarkOf(HttpResponse<String> afterWrite) {
        return afterWrite.headers().firstValue(BookmarkHeader.NAME).orElseThrow(
                () -> new AssertionError("a committed write answers with " + BookmarkHeader.NAME + ": " + afterWrite.headers()));
    }

    private static double carriedBegins(ConfigurableApplicationContext hub) {
        return hub.getBean(MeterRegistry.class).find("crosstrace.bookmarks.carried").counter().count();
    }

    /** The newest batch arrived at the inspector's port and not recalled yet, with its first unit. */
    private static Record unrecalledBatchAtTheInspectorsPort() {
        return first.getBean(Driver.class).executableQuery("""
                MATCH (:User {username: 'inspector'})-[:MEMBER_OF]->(:Organization)-[:INSPECTS_AT]->(:Location)
                      <-[:ARRIVES_AT]-(:Consignment)-[:DECLARES]->(b:Batch)-[:HAS_UNIT]->(c:TraceCode)
                WHERE NOT EXISTS { (b)<-[:RECALLS]-() }
                WITH b, min(c.path) AS unit ORDER BY b.productionDate DESC LIMIT 1
                RETURN b.gtin AS gtin, b.lot AS lot, unit""")
                .execute().records().getFirst();
    }

    private static Map<String, Object> recallOf(Record batch, String test) {
        return Map.of("in", Map.of("batches", List.of(GlobalId.of("Batch", Batch.key(batch.get("gtin").asString(),
                batch.get("lot").asString()))), "reason", "Two instances test", "classification", "CLASS_II",
                "idempotencyKey", "two-instances-" + test + "-" + batch.get("unit").asString()));
    }

    /** A GraphQL request answered 200, with a bookmark header when {@code bookmark} is given. */
    private static HttpResponse<String> post(ConfigurableApplicationContext hub, String token, String query,
            Map<String, Object> variables, String bookmark) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base(hub) + "/graphql"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query,
                        "variables", variables))));
        if (bookmark != null) {
            request.header(BookmarkHeader.NAME, bookmark);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
