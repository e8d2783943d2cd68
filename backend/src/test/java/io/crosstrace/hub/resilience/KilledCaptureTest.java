package io.crosstrace.hub.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.crosstrace.CrossTraceApplication;
import io.crosstrace.hub.Partners;
import io.crosstrace.schema.embedded.EmbeddedNeo4j;

/**
 * A hub killed with SIGKILL while partners capture EPCIS documents: after Neo4j recovers the store, each document's
 * events are all there or none are, and every capture the hub acknowledged is there.
 */
class KilledCaptureTest {

    private static final int EVENTS_PER_DOCUMENT = 400;
    private static final int CLIENTS = 3;

    @TempDir
    Path dataDir;

    @Test
    void a_hub_killed_during_captures_keeps_each_document_whole_or_absent() throws Exception {
        Map<String, String> producer = prepareStore();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path log = dataDir.resolve("hub.log");
        Process hub = childHub(port, log);
        String base = "http://localhost:" + port;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        awaitReady(hub, http, base, log);
        String token = login(http, base);

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicReference<String> refused = new AtomicReference<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
            for (int c = 0; c < CLIENTS; c++) {
                clients.submit(() -> captureUntilTheHubDies(http, base, token, producer, acknowledged, refused));
            }
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (acknowledged.size() < 4) {
                assertThat(hub.isAlive()).as(Files.readString(log)).isTrue();
                assertThat(refused.get()).as("a capture refused").isNull();
                assertThat(System.nanoTime()).as("four captures acknowledged").isLessThan(deadline);
                Thread.sleep(10);
            }
            hub.destroyForcibly();
            assertThat(hub.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(dataDir.resolve("neo4j"), 0, "64m");
                Driver driver = GraphDatabase.driver(neo4j.boltUri().toString(), AuthTokens.none())) {
            List<Record> perCapture = driver.executableQuery("""
                    MATCH (e:EpcisEvent) WHERE e.captureId IS NOT NULL
                    RETURN e.captureId AS capture, count(e) AS events""").execute().records();
            assertThat(perCapture).isNotEmpty();
            assertThat(perCapture).allSatisfy(r -> assertThat(r.get("events").asLong())
                    .as("events of " + r.get("capture").asString()).isEqualTo(EVENTS_PER_DOCUMENT));
            assertThat(perCapture.stream().map(r -> r.get("capture").asString()).toList()).containsAll(acknowledged);
        }
    }

    /** The first start, in this JVM, loads the demo world and its users; it returns the producer's identifiers. */
    private Map<String, String> prepareStore() {
        try (ConfigurableApplicationContext hub = new SpringApplicationBuilder(CrossTraceApplication.class).run(
                "--crosstrace.data-dir=" + dataDir, "--server.port=0", "--crosstrace.embedded.page-cache=32m",
                "--crosstrace.security.demo-password=" + Partners.DEMO_PASSWORD)) {
            Record own = hub.getBean(Driver.class).executableQuery("""
                    MATCH (:User {username: 'producer'})-[:MEMBER_OF]->(:Organization)-[:OPERATES]->(p:Premises)
                          -[:PRODUCED]->(b:Batch)-[:HAS_UNIT]->(c:TraceCode)
                    RETURN p.gln AS premises, b.gtin AS gtin, c.serial AS serial ORDER BY p.gln, b.lot, c.serial LIMIT 1""")
                    .execute().records().getFirst();
            return Map.of("premises", own.get("premises").asString(), "gtin", own.get("gtin").asString(),
                    "serial", own.get("serial").asString());
        }
    }

    /** The hub in a JVM of its own, on the prepared store, with the flags the embedded engine needs. */
    private Process childHub(int port, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("--enable-native-access")).forEach(command::add);
        command.addAll(List.of("-Xmx768m", "-cp", System.getProperty("java.class.path"),
                CrossTraceApplication.class.getName(), "--crosstrace.data-dir=" + dataDir, "--server.port=" + port,
                "--crosstrace.embedded.page-cache=64m"));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitReady(Process hub, HttpClient http, String base, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (true) {
            assertThat(hub.isAlive()).as(Files.readString(log)).isTrue();
            assertThat(System.nanoTime()).as("the child hub ready").isLessThan(deadline);
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(200);
        }
    }

    private static String login(HttpClient http, String base) throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"producer\",\"password\":\"" + Partners.DEMO_PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return body.replaceFirst("(?s).*\"accessToken\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    private static void captureUntilTheHubDies(HttpClient http, String base, String token, Map<String, String> producer,
            Set<String> acknowledged, AtomicReference<String> refused) {
        while (true) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/epcis/capture"))
                        .header("Content-Type", "application/ld+json").header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString(document(producer))).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 202) {
                    refused.set(response.statusCode() + " " + response.body());
                    return;
                }
                String location = response.headers().firstValue("Location").orElseThrow();
                acknowledged.add(location.substring(location.lastIndexOf('/') + 1));
            } catch (IOException | InterruptedException hubGone) {
                return;
            }
        }
    }

    private static String document(Map<String, String> producer) {
        String unit = "https://id.gs1.org/01/" + producer.get("gtin") + "/21/" + producer.get("serial");
        String readPoint = "https://id.gs1.org/414/" + producer.get("premises");
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < EVENTS_PER_DOCUMENT; i++) {
            events.append(i == 0 ? "" : ",").append("""
                    {"type": "ObjectEvent", "eventTime": "2026-01-01T%02d:%02d:%02dZ", "eventTimeZoneOffset": "+10:00",
                     "epcList": ["%s"], "action": "OBSERVE", "bizStep": "inspecting", "readPoint": {"id": "%s"},
                     "ex:run": "%s"}""".formatted(i / 3600 % 24, i / 60 % 60, i % 60, unit, readPoint, UUID.randomUUID()));
        }
        return """
                {"@context": ["https://ref.gs1.org/standards/epcis/epcis-context.jsonld", {"ex": "https://example.com/ex/"}],
                 "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2026-01-01T00:00:00Z",
                 "epcisBody": {"eventList": [%s]}}""".formatted(events);
    }
}
