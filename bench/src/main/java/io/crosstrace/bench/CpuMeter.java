package io.crosstrace.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CPU time the whole process spent during a measured period, and how it split between the hub's request threads
 * (web), its own background threads (scan writer, batch re-reads), its driver's network threads, the engine's threads,
 * the load generator and the rest (garbage collection, the JIT compiler, virtual threads). On a shared machine
 * the wall-clock floors move between runs; CPU per request shows what a request costs, whatever the neighbours do.
 */
final class CpuMeter {

    /** Process CPU time and each platform thread's CPU time at one instant. */
    record Reading(long processNanos, Map<Long, Long> threadNanos, Map<Long, String> threadNames) {
    }

    /** CPU milliseconds of one period, by part. */
    record Usage(double totalMillis, Map<String, Double> millisByPart) {

        String perRequest(long requests) {
            return millisByPart.entrySet().stream()
                    .map(e -> "%s %.2f".formatted(e.getKey(), e.getValue() / Math.max(1, requests)))
                    .collect(Collectors.joining(", "));
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuMeter() {
    }

    static Reading read() {
        Map<Long, Long> nanos = new LinkedHashMap<>();
        Map<Long, String> names = new LinkedHashMap<>();
        for (var info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = THREADS.getThreadCpuTime(info.getThreadId());
            if (cpu >= 0) {
                nanos.put(info.getThreadId(), cpu);
                names.put(info.getThreadId(), info.getThreadName());
            }
        }
        long process = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
        return new Reading(process, nanos, names);
    }

    /**
     * The usage between two readings. The load threads end before the second reading, so they report their own CPU
     * time ({@code loadThreadsNanos}).
     */
    static Usage between(Reading before, Reading after, long loadThreadsNanos) {
        Map<String, Double> byPart = new LinkedHashMap<>();
        for (String name : new String[] {"web", "background", "driver", "engine", "load", "rest"}) {
            byPart.put(name, 0.0);
        }
        double threads = 0;
        for (var entry : after.threadNanos().entrySet()) {
            long delta = entry.getValue() - before.threadNanos().getOrDefault(entry.getKey(), 0L);
            byPart.merge(part(after.threadNames().get(entry.getKey())), delta / 1e6, Double::sum);
            threads += delta / 1e6;
        }
        byPart.merge("load", loadThreadsNanos / 1e6, Double::sum);
        threads += loadThreadsNanos / 1e6;
        double total = (after.processNanos() - before.processNanos()) / 1e6;
        // The rest: threads that ended within the period, garbage collection, the JIT compiler, virtual threads.
        byPart.merge("rest", Math.max(0, total - threads), Double::sum);
        return new Usage(total, byPart);
    }

    private static String part(String thread) {
        if (thread.startsWith("http-nio")) {
            return "web";
        }
        if (thread.startsWith("crosstrace-")) {
            return "background";
        }
        if (thread.startsWith("epollEventLoopGroup")) {
            return "driver";
        }
        if (thread.startsWith("neo4j.")) {
            return "engine";
        }
        if (thread.startsWith("load-") || thread.startsWith("HttpClient")) {
            return "load";
        }
        return "rest";
    }
}
