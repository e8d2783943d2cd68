package io.crosstrace.hub.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy defaults = new RetryPolicy(Duration.ofSeconds(30), Duration.ofHours(1), 8);

    @Test
    void doubles_from_the_base_with_jitter_between_half_and_all() {
        assertThat(defaults.delayAfter(1, 0.0)).isEqualTo(Duration.ofSeconds(15));
        assertThat(defaults.delayAfter(1, 0.999_999)).isBetween(Duration.ofMillis(29_990), Duration.ofSeconds(30));
        assertThat(defaults.delayAfter(2, 0.0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.delayAfter(3, 0.5)).isEqualTo(Duration.ofSeconds(90));
        assertThat(defaults.delayAfter(7, 0.0)).isEqualTo(Duration.ofSeconds(960));
    }

    @Test
    void never_waits_longer_than_the_cap() {
        assertThat(defaults.delayAfter(8, 0.999)).isLessThanOrEqualTo(Duration.ofHours(1));
        assertThat(defaults.delayAfter(10_000, 0.999)).isLessThanOrEqualTo(Duration.ofHours(1))
                .isGreaterThanOrEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void gives_up_after_the_last_allowed_attempt() {
        assertThat(defaults.exhausted(7)).isFalse();
        assertThat(defaults.exhausted(8)).isTrue();
    }
}
