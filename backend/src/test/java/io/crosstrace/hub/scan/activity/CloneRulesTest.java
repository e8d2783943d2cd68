package io.crosstrace.hub.scan.activity;

import static io.crosstrace.hub.scan.activity.ScanTestCodes.locatedScan;
import static io.crosstrace.hub.scan.activity.ScanTestCodes.scan;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

import io.crosstrace.hub.HubIntegrationTest;

/** Each rule with its default settings, through the hub's own recorder: fires on a clone, not on a genuine unit. */
@HubIntegrationTest
class CloneRulesTest {

    @Autowired
    ScanRecorder recorder;
    @Autowired
    Driver driver;

    @Test
    void many_clients_flags_a_code_scanned_by_six_devices_within_a_day() {
        ScanTestCodes.Code code = ScanTestCodes.released(driver);
        for (int client = 0; client < 6; client++) {
            recorder.record(scan(code.path(), code.afterRelease().plus(Duration.ofMinutes(30L * client)), client));
        }
        recorder.flush();

        assertThat(rules(code)).containsExactly("MANY_CLIENTS");
        CloneFlag flag = recorder.insights(code.path()).flags().getFirst();
        assertThat(flag.reason()).contains("6 different devices within 24 h");
        assertThat(flag.reasonZh()).contains("6 台不同设备");
        assertThat(flag.flaggedAt()).isNotNull();
    }

    @Test
    void many_clients_spares_five_devices_in_a_day_and_six_spread_over_a_week() {
        ScanTestCodes.Code five = ScanTestCodes.released(driver);
        ScanTestCodes.Code spread = ScanTestCodes.released(driver);
        for (int client = 0; client < 5; client++) {
            recorder.record(scan(five.path(), five.afterRelease().plus(Duration.ofMinutes(client)), client));
        }
        for (int client = 0; client < 6; client++) {
            recorder.record(scan(spread.path(), spread.afterRelease().plus(Duration.ofHours(30L * client)), client));
        }
        recorder.flush();

        assertThat(rules(five)).isEmpty();
        assertThat(rules(spread)).isEmpty();
    }

    @Test
    void far_apart_flags_scans_in_shanghai_and_urumqi_two_hours_apart() {
        ScanTestCodes.Code code = ScanTestCodes.released(driver);
        Instant at = code.afterRelease();
        recorder.record(locatedScan(code.path(), at, 1, ScanTestCodes.SHANGHAI));
        recorder.record(locatedScan(code.path(), at.plus(Duration.ofHours(2)), 2, ScanTestCodes.URUMQI));
        recorder.flush();

        assertThat(rules(code)).containsExactly("FAR_APART");
        CloneFlag flag = recorder.insights(code.path()).flags().getFirst();
        assertThat(flag.reason()).matches("Scanned in two places 3,[0-9]{3} km apart within 2 h .*")
                .doesNotContain("31.23").doesNotContain("87.61");
        assertThat(flag.reasonZh()).contains("公里");
    }

    @Test
    void far_apart_spares_nearby_scans_distant_scans_days_apart_and_scans_without_location() {
        ScanTestCodes.Code nearby = ScanTestCodes.released(driver);
        ScanTestCodes.Code daysApart = ScanTestCodes.released(driver);
        ScanTestCodes.Code unlocated = ScanTestCodes.released(driver);
        Instant at = nearby.afterRelease();
        recorder.record(locatedScan(nearby.path(), at, 1, ScanTestCodes.SHANGHAI));
        recorder.record(locatedScan(nearby.path(), at.plus(Duration.ofHours(1)), 2, ScanTestCodes.SUZHOU));
        Instant later = daysApart.afterRelease();
        recorder.record(locatedScan(daysApart.path(), later, 1, ScanTestCodes.SHANGHAI));
        recorder.record(locatedScan(daysApart.path(), later.plus(Duration.ofDays(2)), 2, ScanTestCodes.URUMQI));
        recorder.record(locatedScan(unlocated.path(), unlocated.afterRelease(), 1, ScanTestCodes.SHANGHAI));
        recorder.record(scan(unlocated.path(), unlocated.afterRelease().plus(Duration.ofMinutes(5)), 2));
        recorder.flush();

        assertThat(rules(nearby)).isEmpty();
        assertThat(rules(daysApart)).isEmpty();
        assertThat(rules(unlocated)).isEmpty();
    }

    @Test
    void before_release_flags_a_scan_while_no_consignment_of_the_batch_is_released() {
        ScanTestCodes.Code code = ScanTestCodes.awaitingRelease(driver);
        recorder.record(scan(code.path(), Instant.parse("2026-11-20T02:00:00Z"), 1));
        recorder.flush();

        assertThat(rules(code)).containsExactly("BEFORE_RELEASE");
        CloneFlag flag = recorder.insights(code.path()).flags().getFirst();
        List<String> declarations = declarationsOf(code);
        assertThat(flag.reason()).startsWith("Scanned on 2026-11-20, but no consignment of batch")
                .contains(declarations.getFirst());
        assertThat(flag.reasonZh()).contains("均未放行").contains(declarations.getFirst());
    }

    @Test
    void before_release_flags_a_scan_dated_before_the_release_day() {
        ScanTestCodes.Code code = ScanTestCodes.released(driver);
        Instant early = code.releasedOn().minusDays(3).atTime(LocalTime.NOON).atZone(ScanTestCodes.MARKET).toInstant();
        recorder.record(scan(code.path(), early, 1));
        recorder.flush();

        assertThat(rules(code)).containsExactly("BEFORE_RELEASE");
        assertThat(recorder.insights(code.path()).flags().getFirst().reason())
                .contains("before batch").contains("released at the port on " + code.releasedOn());
    }

    @Test
    void before_release_spares_a_scan_early_on_the_release_day_in_the_market_time_zone() {
        ScanTestCodes.Code code = ScanTestCodes.released(driver);
        // 00:30 in Shanghai is still the day before in UTC: the market's day is the one that counts.
        Instant releaseDayStart = code.releasedOn().atTime(0, 30).atZone(ScanTestCodes.MARKET).toInstant();
        recorder.record(scan(code.path(), releaseDayStart, 1));
        recorder.flush();

        assertThat(rules(code)).isEmpty();
    }

    @Test
    void not_shipped_here_flags_a_code_of_a_batch_no_consignment_declared() {
        ScanTestCodes.Code code = ScanTestCodes.undeclared(driver);
        recorder.record(scan(code.path(), Instant.parse("2026-11-20T02:00:00Z"), 1));
        recorder.flush();

        assertThat(rules(code)).as("not also BEFORE_RELEASE: there is nothing to release").containsExactly("NOT_SHIPPED_HERE");
        CloneFlag flag = recorder.insights(code.path()).flags().getFirst();
        assertThat(flag.reason()).contains("never declared for import into this market");
        assertThat(flag.reasonZh()).contains("从未申报进口");
    }

    @Test
    void not_shipped_here_spares_a_code_of_a_declared_batch() {
        ScanTestCodes.Code code = ScanTestCodes.released(driver);
        recorder.record(scan(code.path(), code.afterRelease(), 1));
        recorder.flush();

        assertThat(rules(code)).isEmpty();
    }

    @Test
    void a_rule_flags_a_code_once_and_keeps_its_first_reason() {
        ScanTestCodes.Code code = ScanTestCodes.released(driver);
        for (int client = 0; client < 6; client++) {
            recorder.record(scan(code.path(), code.afterRelease().plus(Duration.ofMinutes(client)), client));
        }
        recorder.flush();
        CloneFlag first = recorder.insights(code.path()).flags().getFirst();

        for (int client = 10; client < 20; client++) {
            recorder.record(scan(code.path(), code.afterRelease().plus(Duration.ofMinutes(client)), client));
        }
        recorder.flush();

        assertThat(recorder.insights(code.path()).flags()).containsExactly(first);
        assertThat(driver.executableQuery("MATCH (:TraceCode {path: $path})<-[:FLAGS]-(f:CloneFlag) RETURN count(f)")
                .withParameters(Map.of("path", code.path())).execute().records().getFirst().get(0).asLong()).isEqualTo(1);
    }

    private List<String> rules(ScanTestCodes.Code code) {
        return recorder.insights(code.path()).flags().stream().map(CloneFlag::rule).toList();
    }

    private List<String> declarationsOf(ScanTestCodes.Code code) {
        return driver.executableQuery("""
                        MATCH (:TraceCode {path: $path})<-[:HAS_UNIT]-(:Batch)<-[:DECLARES]-(c:Consignment)
                        RETURN c.declarationNumber ORDER BY c.declarationNumber""")
                .withParameters(Map.of("path", code.path())).execute().records().stream()
                .map(r -> r.get(0).asString()).toList();
    }
}
