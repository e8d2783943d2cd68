package io.crosstrace.hub.scan;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits problem reports per client in fixed windows, in memory: enough to stop a script from flooding
 * the inspectors' queue from one address. Behind several hub instances each counts on its own.
 */
@Component
class ReportRateLimiter {

    private static final int MAX_TRACKED_CLIENTS = 100_000;

    private final int maxPerWindow;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentHashMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private volatile long windowStart;

    @Autowired
    ReportRateLimiter(@Value("${crosstrace.reports.per-client-per-hour:5}") int maxPerWindow) {
        this(maxPerWindow, Duration.ofHours(1), Clock.systemUTC());
    }

    ReportRateLimiter(int maxPerWindow, Duration window, Clock clock) {
        this.maxPerWindow = maxPerWindow;
        this.window = window;
        this.clock = clock;
        this.windowStart = clock.millis();
    }

    /** Starts a new window for every client. */
    void reset() {
        counts.clear();
        windowStart = clock.millis();
    }

    /** True when the client may send one more report now (and counts it). */
    boolean tryAcquire(String client) {
        long now = clock.millis();
        if (now - windowStart >= window.toMillis() || counts.size() > MAX_TRACKED_CLIENTS) {
            counts.clear();
            windowStart = now;
        }
        return counts.computeIfAbsent(client, c -> new AtomicInteger()).incrementAndGet() <= maxPerWindow;
    }
}
