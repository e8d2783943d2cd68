package io.crosstrace.bench;

import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.neo4j.driver.Driver;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A soak run: mixed traffic for a bounded time against the hub on loopback, sampling heap and resident memory each
 * minute. Per request, by weight: 70 scan pages, 10 linksets, 10 partner GraphQL pages of 100 consignments, 5 port
 * verifications and 5 EPCIS captures of 100-event documents. Every error is counted, and the first few are printed.
 */
final class SoakRun {

    private static final int CAPTURE_EVENTS = 100;

    private record Sample(Duration at, long requests, long errors, long heapMiB, long rssMiB) {
    }

    private SoakRun() {
    }

    static void run(ConfigurableApplicationContext hub, Driver driver, HttpClient http, String base, List<String> paths,
            String adminToken, int users, Duration duration) throws Exception {
        ClosedLoop.Request page = ConsignmentPageScenario.prepare(hub, driver, http, base,
                ConsignmentPageScenario.busiestImporter(driver));
        PortVerificationScenario port = PortVerificationScenario.prepare(hub, driver, http, base);
        AtomicLong serials = EpcisScenario.serials(driver);
        ClosedLoop.Request mixed = random -> {
            int draw = random.nextInt(100);
            if (draw < 70) {
                Benchmark.expect200(http, base + Benchmark.pick(paths, random), "text/html");
            } else if (draw < 80) {
                Benchmark.expect200(http, base + Benchmark.pick(paths, random), "application/linkset+json");
            } else if (draw < 90) {
                page.send(random);
            } else if (draw < 95) {
                port.send(random);
            } else {
                EpcisScenario.capture(http, base, adminToken,
                        EpcisScenario.document(serials.getAndAdd(CAPTURE_EVENTS), CAPTURE_EVENTS));
            }
        };

        LongAdder requests = new LongAdder();
        LongAdder errors = new LongAdder();
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            threads.add(Thread.ofPlatform().name("soak-" + u).start(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < deadline) {
                    try {
                        mixed.send(random);
                    } catch (Exception e) {
                        errors.increment();
                        if (errors.sum() <= 5) {
                            System.err.println("Soak error: " + e.getMessage());
                        }
                    }
                    requests.increment();
                }
            }));
        }
        List<Sample> samples = new ArrayList<>();
        samples.add(sample(Duration.ZERO, requests, errors));
        while (System.nanoTime() < deadline) {
            Thread.sleep(Math.min(Duration.ofMinutes(1).toMillis(), Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            Sample sample = sample(Duration.ofNanos(System.nanoTime() - started), requests, errors);
            samples.add(sample);
            System.out.printf("soak %s: %,d requests, %d errors, heap after GC %d MiB, RSS %d MiB%n", sample.at(),
                    sample.requests(), sample.errors(), sample.heapMiB(), sample.rssMiB());
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Sample last = sample(Duration.ofNanos(System.nanoTime() - started), requests, errors);
        samples.add(last);
        System.out.printf("%nSoak of %s, %d users, mixed traffic: %,d requests (%,.0f/s), %d errors%n%n", duration, users,
                last.requests(), last.requests() / (last.at().toNanos() / 1e9), last.errors());
        System.out.println("| minute | requests | errors | heap used after GC (MiB) | RSS (MiB) |");
        System.out.println("|---|---|---|---|---|");
        for (Sample s : samples) {
            System.out.printf("| %.1f | %,d | %d | %d | %d |%n", s.at().toMillis() / 60_000.0, s.requests(), s.errors(),
                    s.heapMiB(), s.rssMiB());
        }
    }

    /** Heap after a full collection (what stays) and the process's resident memory. */
    private static Sample sample(Duration at, LongAdder requests, LongAdder errors) throws Exception {
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
        long rssKiB = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(-1L);
        return new Sample(at, requests.sum(), errors.sum(), heap, rssKiB < 0 ? -1 : rssKiB >> 10);
    }
}
