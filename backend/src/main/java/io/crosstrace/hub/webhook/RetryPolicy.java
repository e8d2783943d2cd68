package io.crosstrace.hub.webhook;

import java.time.Duration;

/**
 * When to try a failed delivery again: exponential backoff from {@code base}, capped, with "equal jitter"
 * (a random point between half and all of the wait) so receivers coming back from an outage are not hit by
 * every instance's retries in the same second.
 */
record RetryPolicy(Duration base, Duration cap, int maxAttempts) {

    /** Doubling more often than this overflows long before any sensible cap is reached. */
    private static final int MAX_DOUBLINGS = 30;

    /** True when a delivery that has failed this many attempts gets no further attempt. */
    boolean exhausted(int failedAttempts) {
        return failedAttempts >= maxAttempts;
    }

    /**
     * The wait after the {@code failedAttempts}-th failed attempt (1 for the first).
     *
     * @param random a number in [0, 1): where the wait falls between half and all of the backoff
     */
    Duration delayAfter(int failedAttempts, double random) {
        int doublings = Math.clamp(failedAttempts - 1, 0, MAX_DOUBLINGS);
        long backoffMillis = Math.min(cap.toMillis(), saturatedShift(base.toMillis(), doublings));
        long half = backoffMillis / 2;
        return Duration.ofMillis(half + (long) ((backoffMillis - half) * random));
    }

    private static long saturatedShift(long value, int bits) {
        return value > (Long.MAX_VALUE >> bits) ? Long.MAX_VALUE : value << bits;
    }
}
