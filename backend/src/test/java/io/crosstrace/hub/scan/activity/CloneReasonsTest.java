package io.crosstrace.hub.scan.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class CloneReasonsTest {

    private final CloneReasons reasons = new CloneReasons(ScanTestCodes.MARKET);

    @Test
    void times_are_given_in_the_market_time_zone() {
        CloneReasons.Reason reason = reasons.manyClients(7, Duration.ofHours(24), Instant.parse("2026-03-01T16:30:00Z"),
                Instant.parse("2026-03-02T01:05:00Z"), 5);

        assertThat(reason.en()).isEqualTo("Scanned by 7 different devices within 24 h (2026-03-02 00:30 to "
                + "2026-03-02 09:05, Asia/Shanghai); a genuine unit is rarely scanned by more than 5.");
        assertThat(reason.zh()).isEqualTo("24 小时内被 7 台不同设备扫描（2026-03-02 00:30 至 2026-03-02 09:05，Asia/Shanghai）；"
                + "正品通常不会被超过 5 台设备扫描。");
    }

    @Test
    void far_apart_names_the_distance_and_the_time_between_the_scans() {
        CloneReasons.Reason reason = reasons.farApart(3270.4, Instant.parse("2026-03-02T01:00:00Z"),
                Instant.parse("2026-03-02T03:05:00Z"));

        assertThat(reason.en()).startsWith("Scanned in two places 3,270 km apart within 2 h 5 min (2026-03-02 09:00 and 2026-03-02 11:05");
        assertThat(reason.zh()).startsWith("在 2 小时 5 分钟内于相距 3,270 公里的两地被扫描");
    }

    @Test
    void before_release_names_the_consignments_and_their_status_in_both_languages() {
        CloneReasons.Reason reason = reasons.scannedWhileNotReleased("L2606A01", Instant.parse("2026-03-02T01:00:00Z"),
                List.of(new CloneReasons.Declaration("351920260000000001", "IN_TRANSIT")));

        assertThat(reason.en()).isEqualTo("Scanned on 2026-03-02, but no consignment of batch L2606A01 has been released "
                + "to this market (351920260000000001: IN_TRANSIT).");
        assertThat(reason.zh()).isEqualTo("于 2026-03-02 被扫描，但批次 L2606A01 的进口申报均未放行（351920260000000001：运输中）。");
        assertThat(reasons.scannedBeforeRelease("L2606A01", Instant.parse("2026-03-02T01:00:00Z"), LocalDate.of(2026, 3, 9)).en())
                .isEqualTo("Scanned on 2026-03-02, before batch L2606A01 was released at the port on 2026-03-09.");
    }

    @Test
    void not_shipped_here_says_when_the_batch_never_left_the_producer() {
        assertThat(reasons.notShippedHere("L2610B02", false).en()).endsWith("; it has not even left the producer.");
        assertThat(reasons.notShippedHere("L2610B02", true).en()).endsWith("should be scanned here.");
        assertThat(reasons.notShippedHere("L2610B02", false).zh()).contains("尚未从生产商发运");
    }

    @Test
    void spans_read_in_hours_and_minutes() {
        assertThat(CloneReasons.spanEn(Duration.ofHours(6))).isEqualTo("6 h");
        assertThat(CloneReasons.spanEn(Duration.ofMinutes(90))).isEqualTo("1 h 30 min");
        assertThat(CloneReasons.spanEn(Duration.ofMinutes(45))).isEqualTo("45 min");
        assertThat(CloneReasons.spanEn(Duration.ofSeconds(20))).isEqualTo("20 s");
        assertThat(CloneReasons.spanZh(Duration.ofMinutes(90))).isEqualTo("1 小时 30 分钟");
    }
}
