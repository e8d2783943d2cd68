package io.crosstrace.hub.scan.activity;

import static io.crosstrace.hub.scan.activity.ScanTestCodes.scan;
import static io.crosstrace.hub.scan.activity.ScanTestCodes.scansOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.crosstrace.hub.HubIntegrationTest;

@HubIntegrationTest
class ScanRecordingTest {

    @Autowired
    ScanRecorder recorder;
    @Autowired
    ScanInsightsReader reader;
    @Autowired
    Driver driver;
    HttpGraphQlTester graphQl;
    @Autowired
    MeterRegistry meters;

    /** Two cores shared with other builds: a cold first query can take longer than the tester's 5 s default. */
    @Autowired
    void graphQl(HttpGraphQlTester tester) {
        graphQl = tester.mutate().responseTimeout(Duration.ofSeconds(60)).build();
    }

    @Test
    void recorded_scans_are_counted_for_their_code_by_the_service_and_by_graphql() {
        ScanTestCodes.Code code = ScanTestCodes.released(driver);
        for (int i = 0; i < 7; i++) {
            recorder.record(scan(code.path(), code.afterRelease().plus(Duration.ofMinutes(10L * i)), i % 2));
        }
        recorder.flush();

        ScanInsights insights = recorder.insights(code.path());
        assertThat(insights.scanCount()).isEqualTo(7);
        assertThat(insights.flags()).as("two clients after the release raise nothing").isEmpty();
        graphQl.document("query($uri: String) { traceCode(uri: $uri) { scanCount cloneFlags { rule } } }")
                .variable("uri", code.path()).execute()
                .path("traceCode.scanCount").entity(Integer.class).isEqualTo(7)
                .path("traceCode.cloneFlags").entityList(Object.class).hasSize(0);
    }

    @Test
    void insights_answer_for_every_code_asked_including_unscanned_and_unknown_ones() {
        ScanTestCodes.Code scanned = ScanTestCodes.released(driver);
        ScanTestCodes.Code unscanned = ScanTestCodes.released(driver);
        recorder.record(scan(scanned.path(), scanned.afterRelease(), 1));
        recorder.flush();

        Map<String, ScanInsights> insights = recorder.insights(List.of(scanned.path(), unscanned.path(), "/01/00000000000000/10/X/21/Y"));

        assertThat(insights).hasSize(3);
        assertThat(insights.get(scanned.path()).scanCount()).isEqualTo(1);
        assertThat(insights.get(unscanned.path())).isEqualTo(ScanInsights.NONE);
        assertThat(insights.get("/01/00000000000000/10/X/21/Y")).isEqualTo(ScanInsights.NONE);
    }

    @Test
    void the_stored_client_hash_is_not_the_address_and_is_the_same_for_the_same_client() {
        ScanTestCodes.Code code = ScanTestCodes.released(driver);
        Instant at = code.afterRelease();
        recorder.record(new ScanRecord(code.path(), at, "198.51.100.7", "Phone A", "zh-CN", null, null));
        recorder.record(new ScanRecord(code.path(), at.plusSeconds(60), "198.51.100.7", "Phone A", "en", null, null));
        recorder.record(new ScanRecord(code.path(), at.plusSeconds(120), "198.51.100.7", "Phone B", null, null, null));
        recorder.flush();

        List<Map<String, Object>> events = driver.executableQuery("""
                        MATCH (s:ScanEvent)-[:SCANNED]->(:TraceCode {path: $path})
                        RETURN properties(s) AS s ORDER BY s.scannedAt""")
                .withParameters(Map.of("path", code.path())).execute().records().stream()
                .map(r -> r.get("s").asMap()).toList();

        assertThat(events).hasSize(3);
        List<String> hashes = events.stream().map(e -> (String) e.get("clientHash")).toList();
        assertThat(hashes).allSatisfy(hash -> assertThat(hash).matches("[0-9a-f]{64}"));
        assertThat(hashes.get(0)).as("same address and browser").isEqualTo(hashes.get(1));
        assertThat(hashes.get(2)).as("same address, other browser").isNotEqualTo(hashes.get(0));
        assertThat(events).allSatisfy(e -> {
            assertThat(e.values()).noneMatch(v -> String.valueOf(v).contains("198.51.100.7"))
                    .noneMatch(v -> String.valueOf(v).contains("Phone"));
            assertThat(e).doesNotContainKeys("latitude", "longitude", "country");
        });
        assertThat(events).extracting(e -> e.get("language")).containsExactly("zh-CN", "en", "und");
    }

    @Test
    void a_located_scan_keeps_its_coordinates_and_country() {
        ScanTestCodes.Code code = ScanTestCodes.released(driver);
        recorder.record(new ScanRecord(code.path(), code.afterRelease(), "198.51.100.8", "Phone C", "zh-CN",
                ScanTestCodes.SHANGHAI[0], ScanTestCodes.SHANGHAI[1], "cn"));
        recorder.flush();

        Value event = driver.executableQuery("MATCH (s:ScanEvent)-[:SCANNED]->(:TraceCode {path: $path}) RETURN s")
                .withParameters(Map.of("path", code.path())).execute().records().getFirst().get("s");
        assertThat(event.get("latitude").asDouble()).isEqualTo(ScanTestCodes.SHANGHAI[0]);
        assertThat(event.get("longitude").asDouble()).isEqualTo(ScanTestCodes.SHANGHAI[1]);
        assertThat(event.get("country").asString()).isEqualTo("CN");
        assertThat(event.get("scannedAt").asZonedDateTime().toInstant()).isEqualTo(code.afterRelease());
    }

    @Test
    void a_burst_of_ten_thousand_scans_never_blocks_and_each_is_written_or_counted_as_dropped() throws Exception {
        ScanTestCodes.Code code = ScanTestCodes.released(driver);
        Instant at = code.afterRelease();
        long before = scansOf(driver, code.path());
        // A small queue, so the burst overruns it while the writer is busy.
        ScanRecorder burstRecorder = new ScanRecorder(driver, null,
                ScanTestCodes.properties(1_000, ScanTestCodes.defaultRules()), reader, Clock.systemUTC(), null);
        burstRecorder.start();
        try (ExecutorService callers = Executors.newFixedThreadPool(4)) {
            List<Future<?>> calls = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                calls.add(callers.submit(() -> {
                    for (int i = 0; i < 2_500; i++) {
                        burstRecorder.record(scan(code.path(), at.plusMillis(i), 1));
                    }
                }));
            }
            for (Future<?> call : calls) {
                call.get(2, TimeUnit.MINUTES);
            }
        }
        burstRecorder.flush();

        ScanRecorder.Counts counts = burstRecorder.counts();
        assertThat(counts.recorded() + counts.dropped()).isEqualTo(10_000);
        assertThat(counts.failed()).isZero();
        assertThat(counts.queued()).isZero();
        assertThat(scansOf(driver, code.path()) - before).isEqualTo(counts.recorded());
        burstRecorder.close();
    }

    @Test
    void scans_accepted_before_stop_are_written_when_the_recorder_closes() {
        ScanTestCodes.Code code = ScanTestCodes.released(driver);
        ScanRecorder running = new ScanRecorder(driver, null,
                ScanTestCodes.properties(100, ScanTestCodes.defaultRules()), reader, Clock.systemUTC(), null);
        running.start();
        for (int i = 0; i < 25; i++) {
            running.record(scan(code.path(), code.afterRelease().plusSeconds(i), 1));
        }
        running.close();

        assertThat(running.isRunning()).isFalse();
        assertThat(scansOf(driver, code.path())).isEqualTo(25);
        running.record(scan(code.path(), code.afterRelease(), 1));
        assertThat(running.counts().dropped()).as("a scan after stop is refused").isEqualTo(1);
        assertThat(scansOf(driver, code.path())).isEqualTo(25);
    }

    @Test
    void scans_of_a_recorder_that_never_started_are_written_on_close() {
        ScanTestCodes.Code code = ScanTestCodes.released(driver);
        ScanRecorder neverStarted = new ScanRecorder(driver, null,
                ScanTestCodes.properties(100, ScanTestCodes.defaultRules()), reader, Clock.systemUTC(), null);
        for (int i = 0; i < 3; i++) {
            neverStarted.record(scan(code.path(), code.afterRelease().plusSeconds(i), i));
        }
        neverStarted.close();

        assertThat(scansOf(driver, code.path())).isEqualTo(3);
    }

    @Test
    void scans_of_codes_the_hub_never_issued_are_counted_and_not_stored() {
        ScanRecorder own = new ScanRecorder(driver, null,
                ScanTestCodes.properties(100, ScanTestCodes.defaultRules()), reader, Clock.systemUTC(), null);
        own.start();
        own.record(scan("/01/09506000134352/10/NO-SUCH-LOT/21/NEVERISSUED", Instant.now(), 1));
        own.flush();

        assertThat(own.counts().unknownCode()).isEqualTo(1);
        assertThat(own.counts().recorded()).isZero();
        own.close();
    }

    @Test
    void the_recorder_publishes_its_counters_and_queue_depth() {
        for (String counter : Set.of("crosstrace.scan.recorded", "crosstrace.scan.dropped", "crosstrace.scan.unknown",
                "crosstrace.scan.failed", "crosstrace.scan.flags")) {
            assertThat(meters.find(counter).functionCounter()).as(counter).isNotNull();
        }
        assertThat(meters.find("crosstrace.scan.queue.depth").gauge()).isNotNull();
    }

    @Test
    void the_recorder_stops_after_the_web_server_has_finished_its_requests() {
        // Higher phases stop first: the graceful shutdown of requests in flight (Integer.MAX_VALUE - 1024),
        // then the web server (Integer.MAX_VALUE - 2048), then the recorder.
        assertThat(recorder.getPhase()).isLessThan(Integer.MAX_VALUE - 2048);
        assertThat(recorder.isRunning()).isTrue();
    }
}
