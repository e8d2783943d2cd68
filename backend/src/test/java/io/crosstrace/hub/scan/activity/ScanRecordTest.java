package io.crosstrace.hub.scan.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class ScanRecordTest {

    private static final String PATH = "/01/09335721100113/10/L2507B01/21/DBUP8AJJCJG2";
    private static final Instant AT = Instant.parse("2026-11-20T02:00:00Z");

    @Test
    void a_location_needs_both_coordinates_in_range() {
        assertThatThrownBy(() -> new ScanRecord(PATH, AT, "a", "b", "zh", 31.2, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScanRecord(PATH, AT, "a", "b", "zh", 91.0, 10.0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScanRecord(PATH, AT, "a", "b", "zh", Double.NaN, 10.0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new ScanRecord(PATH, AT, "a", "b", "zh", -33.9, 151.2).located()).isTrue();
    }

    @Test
    void language_defaults_to_undetermined_and_is_bounded() {
        assertThat(new ScanRecord(PATH, AT, "a", "b", null, null, null).language()).isEqualTo("und");
        assertThat(new ScanRecord(PATH, AT, "a", "b", " ", null, null).language()).isEqualTo("und");
        assertThat(new ScanRecord(PATH, AT, "a", "b", "x".repeat(500), null, null).language()).hasSize(35);
    }

    @Test
    void country_is_an_upper_case_alpha_2_code() {
        assertThat(new ScanRecord(PATH, AT, "a", "b", "zh", null, null, "cn").country()).isEqualTo("CN");
        assertThat(new ScanRecord(PATH, AT, "a", "b", "zh", null, null).country()).isNull();
        assertThatThrownBy(() -> new ScanRecord(PATH, AT, "a", "b", "zh", null, null, "CHN"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void code_and_time_are_required() {
        assertThatThrownBy(() -> new ScanRecord(null, AT, "a", "b", "zh", null, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ScanRecord(PATH, null, "a", "b", "zh", null, null)).isInstanceOf(NullPointerException.class);
    }
}
