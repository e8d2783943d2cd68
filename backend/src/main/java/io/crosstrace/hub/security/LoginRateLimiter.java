package io.crosstrace.hub.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per username and per client address in a sliding window, so password guessing is slow
 * whether it aims at one user from many addresses or at many users from one. Per instance: behind a load
 * balancer the effective limit is the configured one times the instances, which still stops guessing at scale.
 */
@Component
class LoginRateLimiter {

    /** Beyond this many tracked keys, expired ones are swept: bounded memory under a spray of names. */
    private static final int SWEEP_ABOVE = 50_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final int perUser;
    private final int perAddress;
    private final Duration window;
    private final Clock clock;

    LoginRateLimiter(SecurityProperties properties, Clock clock) {
        this.perUser = properties.loginAttempts();
        this.perAddress = properties.loginAttempts() * 10;
        this.window = properties.loginWindow();
        this.clock = clock;
    }

    /** Seconds until the next attempt is allowed, or 0 when it is allowed now. */
    long retryAfterSeconds(String username, String address) {
        Instant now = clock.instant();
        return Math.max(wait("u:" + username, perUser, now), wait("a:" + address, perAddress, now));
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        record("u:" + username, now);
        record("a:" + address, now);
        if (failures.size() > SWEEP_ABOVE) {
            failures.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    prune(e.getValue(), now);
                    return e.getValue().isEmpty();
                }
            });
        }
    }

    void succeeded(String username) {
        failures.remove("u:" + username);
    }

    private long wait(String key, int limit, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            prune(times, now);
            if (times.size() < limit) {
                return 0;
            }
            return Math.max(1, Duration.between(now, times.peekFirst().plus(window)).toSeconds());
        }
    }

    private void record(String key, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
        }
    }

    private void prune(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
            times.removeFirst();
        }
    }
}
