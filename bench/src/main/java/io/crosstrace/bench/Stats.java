package io.crosstrace.bench;

import java.util.Arrays;

/**
 * Latency percentiles and throughput of one scenario.
 *
 * @param cpu   CPU time of the process during the measured period, by part; null when not measured
 * @param floor the run this one is compared with (the same read as raw Cypher through the driver, measured in the same
 *              run); null for a floor itself or a scenario without one
 */
record Stats(String scenario, long requests, long errors, double seconds, double p50Millis, double p99Millis,
        CpuMeter.Usage cpu, Stats floor) {

    static Stats of(String scenario, long[] latenciesNanos, long errors, double seconds, CpuMeter.Usage cpu) {
        long[] sorted = latenciesNanos.clone();
        Arrays.sort(sorted);
        return new Stats(scenario, sorted.length, errors, seconds, percentile(sorted, 0.50), percentile(sorted, 0.99), cpu,
                null);
    }

    /** This run, compared with its floor. */
    Stats against(Stats floor) {
        return new Stats(scenario, requests, errors, seconds, p50Millis, p99Millis, cpu, floor);
    }

    /** CPU milliseconds of the whole process (hub, engine and load generator) per request; NaN when not measured. */
    double cpuMillisPerRequest() {
        return cpu == null || requests == 0 ? Double.NaN : cpu.totalMillis() / requests;
    }

    /** p99 divided by the floor's p99, or NaN without a floor. */
    double p99OverFloor() {
        return floor == null ? Double.NaN : p99Millis / floor.p99Millis;
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
