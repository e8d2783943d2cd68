package io.crosstrace.hub.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.crosstrace.CrossTraceApplication;
import io.crosstrace.hub.DemoData;

/** Scans accepted just before the hub stops are written before it lets go of the store. */
class ShutdownFlushTest {

    private static final int SCANS = 40;

    @TempDir
    Path dataDir;

    @Test
    void scans_accepted_before_shutdown_are_in_the_store_after_a_restart() throws Exception {
        String path;
        long before;
        try (ConfigurableApplicationContext hub = hub()) {
            Driver driver = hub.getBean(Driver.class);
            path = DemoData.shippedUnitPath(driver);
            before = scans(driver, path);
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://localhost:" + hub.getEnvironment().getProperty("local.server.port");
            for (int i = 0; i < SCANS; i++) {
                HttpResponse<Void> page = http.send(HttpRequest.newBuilder(URI.create(base + path))
                        .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.discarding());
                assertThat(page.statusCode()).isEqualTo(200);
            }
            // Closing right away: the scans are still queued or in a batch being gathered.
        }

        try (ConfigurableApplicationContext again = hub()) {
            assertThat(scans(again.getBean(Driver.class), path) - before).isEqualTo(SCANS);
        }
    }

    private ConfigurableApplicationContext hub() {
        return new SpringApplicationBuilder(CrossTraceApplication.class).run("--crosstrace.data-dir=" + dataDir,
                "--server.port=0", "--crosstrace.embedded.page-cache=32m", "--crosstrace.scan.batch-delay=2s");
    }

    private static long scans(Driver driver, String path) {
        return driver.executableQuery("MATCH (:ScanEvent)-[:SCANNED]->(:TraceCode {path: $path}) RETURN count(*) AS n")
                .withParameters(Map.of("path", path)).execute().records().getFirst().get("n").asLong();
    }
}
