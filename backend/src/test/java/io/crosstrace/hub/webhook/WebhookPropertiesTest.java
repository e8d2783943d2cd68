package io.crosstrace.hub.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class WebhookPropertiesTest {

    @Test
    void the_defaults_make_a_consistent_policy() {
        WebhookProperties defaults = withLease(Duration.ofMinutes(2));

        assertThat(defaults.retryPolicy()).isEqualTo(new RetryPolicy(Duration.ofSeconds(30), Duration.ofHours(1), 8));
    }

    @Test
    void a_lease_shorter_than_a_request_could_last_is_refused() {
        assertThatThrownBy(() -> withLease(Duration.ofSeconds(15))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("crosstrace.webhooks.lease");
    }

    private static WebhookProperties withLease(Duration lease) {
        return new WebhookProperties(true, Duration.ofSeconds(1), 8, 2, Duration.ofSeconds(5), Duration.ofSeconds(10),
                lease, Duration.ofSeconds(30), Duration.ofHours(1), 8, false, false, 10);
    }
}
