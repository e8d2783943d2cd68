package io.crosstrace.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load: {@code users} threads each send the next request as soon as the previous one is
 * answered, for a warm-up then a measured period. Bounded in time; nothing leaves this process.
 */
final class ClosedLoop {

    /** One request; returns normally on success, throws on failure. */
    interface Request {
        void send(ThreadLocalRandom random) throws Exception;
    }

    private ClosedLoop() {
    }

    static Stats run(String scenario, int users, Duration warmup, Duration measured, Request request)
            throws InterruptedException {
        drive(users, warmup, request, null, new AtomicLong(), new AtomicLong());
        List<long[]> perThread = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        AtomicLong loadCpu = new AtomicLong();
        CpuMeter.Reading cpuBefore = CpuMeter.read();
        long started = System.nanoTime();
        drive(users, measured, request, perThread, errors, loadCpu);
        double seconds = (System.nanoTime() - started) / 1e9;
        CpuMeter.Usage cpu = CpuMeter.between(cpuBefore, CpuMeter.read(), loadCpu.get());
        long total = perThread.stream().mapToLong(a -> a.length).sum();
        long[] all = new long[(int) total];
        int at = 0;
        for (long[] part : perThread) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return Stats.of(scenario, all, errors.get(), seconds, cpu);
    }

    /** Drives the load for a while and measures nothing: warming the hub before a series of scenarios. */
    static void warm(int users, Duration duration, Request request) throws InterruptedException {
        drive(users, duration, request, null, new AtomicLong(), new AtomicLong());
    }

    /** Drives the load; each load thread adds the CPU time it used to {@code cpu} as it ends. */
    private static void drive(int users, Duration duration, Request request, List<long[]> results, AtomicLong errors,
            AtomicLong cpu) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            threads.add(Thread.ofPlatform().name("load-" + u).start(() -> {
                long[] latencies = new long[1 << 16];
                int n = 0;
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < deadline) {
                    long t0 = System.nanoTime();
                    try {
                        request.send(random);
                        if (n == latencies.length) {
                            latencies = java.util.Arrays.copyOf(latencies, n * 2);
                        }
                        latencies[n++] = System.nanoTime() - t0;
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
                cpu.addAndGet(java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
                if (results != null) {
                    synchronized (results) {
                        results.add(java.util.Arrays.copyOf(latencies, n));
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
