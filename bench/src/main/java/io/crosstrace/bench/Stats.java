package io.crosstrace.bench;

import java.util.Arrays;

/** Latency percentiles and throughput of one scenario. */
record Stats(String scenario, long requests, long errors, double seconds, double p50Millis, double p99Millis) {

    static Stats of(String scenario, long[] latenciesNanos, long errors, double seconds) {
        long[] sorted = latenciesNanos.clone();
        Arrays.sort(sorted);
        return new Stats(scenario, sorted.length, errors, seconds, percentile(sorted, 0.50), percentile(sorted, 0.99));
    }

    double throughput() {
        return requests / seconds;
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }
}
