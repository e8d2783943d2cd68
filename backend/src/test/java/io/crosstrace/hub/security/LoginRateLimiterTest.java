package io.crosstrace.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.crosstrace.hub.TestClock;

/** Failed sign-ins are limited per username and, ten times more loosely, per client address. */
class LoginRateLimiterTest {

    private final TestClock now = TestClock.at("2026-11-30T08:00:00Z");
    private final LoginRateLimiter limiter = new LoginRateLimiter(new SecurityProperties("i", "a", Duration.ofMinutes(10),
            Duration.ofDays(1), Duration.ofSeconds(30), null, null, "t1", 5, Duration.ofMinutes(15), null), now);

    @Test
    void five_failures_for_one_user_block_that_user_until_the_window_passes() {
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.retryAfterSeconds("alice", "10.0.0." + i)).isZero();
            limiter.failed("alice", "10.0.0." + i);
        }

        assertThat(limiter.retryAfterSeconds("alice", "10.0.0.99")).isEqualTo(900);
        assertThat(limiter.retryAfterSeconds("bob", "10.0.0.99")).as("other users are not blocked").isZero();
        now.advance(Duration.ofMinutes(15));
        assertThat(limiter.retryAfterSeconds("alice", "10.0.0.99")).isZero();
    }

    @Test
    void fifty_failures_from_one_address_block_it_for_every_user() {
        for (int i = 0; i < 50; i++) {
            limiter.failed("user" + i, "203.0.113.7");
        }

        assertThat(limiter.retryAfterSeconds("someone-new", "203.0.113.7")).isPositive();
        assertThat(limiter.retryAfterSeconds("someone-new", "203.0.113.8")).isZero();
    }

    @Test
    void a_successful_sign_in_clears_the_users_failures() {
        for (int i = 0; i < 4; i++) {
            limiter.failed("carol", "10.1.1.1");
        }
        limiter.succeeded("carol");
        limiter.failed("carol", "10.1.1.1");

        assertThat(limiter.retryAfterSeconds("carol", "10.1.1.2")).isZero();
    }
}
