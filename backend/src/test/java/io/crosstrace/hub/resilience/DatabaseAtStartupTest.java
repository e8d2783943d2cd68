package io.crosstrace.hub.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.crosstrace.CrossTraceApplication;
import io.crosstrace.hub.Partners;
import io.crosstrace.schema.embedded.EmbeddedNeo4j;

/**
 * A hub started before its Neo4j answers (a database still starting, a cluster electing) waits for it, up to
 * {@code crosstrace.database.startup-wait}, and then starts normally; past that wait it fails with the driver's
 * error rather than hanging.
 */
class DatabaseAtStartupTest {

    @TempDir
    static Path dir;

    static EmbeddedNeo4j neo4j;
    static TcpProxy proxy;

    @BeforeAll
    static void startDatabase() throws Exception {
        neo4j = EmbeddedNeo4j.start(dir.resolve("neo4j"), 0, "64m");
        proxy = new TcpProxy(neo4j.boltUri().getPort());
    }

    @AfterAll
    static void stop() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        if (neo4j != null) {
            neo4j.close();
        }
    }

    @Test
    void the_hub_waits_for_a_database_that_answers_late() throws Exception {
        proxy.cut();
        CompletableFuture<ConfigurableApplicationContext> starting = CompletableFuture.supplyAsync(
                () -> hub("60s", "late"));
        Thread.sleep(3_000);
        assertThat(starting).as("still waiting for the database").isNotDone();

        proxy.restore();
        try (ConfigurableApplicationContext hub = starting.get(120, TimeUnit.SECONDS)) {
            String base = "http://localhost:" + hub.getEnvironment().getProperty("local.server.port");
            HttpResponse<String> readiness = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(readiness.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void past_the_wait_the_start_fails_with_the_reason() throws Exception {
        proxy.cut();
        try {
            long started = System.nanoTime();
            assertThatThrownBy(() -> hub("2s", "never")).hasStackTraceContaining("Unable to connect");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
        } finally {
            proxy.restore();
        }
    }

    private static ConfigurableApplicationContext hub(String startupWait, String name) {
        return new SpringApplicationBuilder(CrossTraceApplication.class).run(
                "--spring.neo4j.uri=bolt://localhost:" + proxy.port(), "--spring.neo4j.authentication.username=neo4j",
                "--crosstrace.data-dir=" + dir.resolve("hub-" + name), "--server.port=0",
                "--crosstrace.database.startup-wait=" + startupWait, "--crosstrace.seed=false",
                "--crosstrace.security.demo-password=" + Partners.DEMO_PASSWORD);
    }
}
