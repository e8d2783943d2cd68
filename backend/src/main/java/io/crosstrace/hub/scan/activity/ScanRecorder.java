package io.crosstrace.hub.scan.activity;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

/**
 * Records consumer scans off the request path and answers what is known about a code's scans.
 *
 * <p>{@link #record} only offers the scan to a bounded in-memory queue: when the queue is full the scan is
 * dropped and counted, so a burst of scans or a slow database never slows the scan page. One background
 * writer drains the queue in batches (up to {@code batchSize} scans, or what arrived within
 * {@code batchDelay}), writes each batch with one statement and then evaluates the clone rules for the codes
 * in it. Scans accepted before the hub stops are written before the database driver closes.
 *
 * <p>Metrics: {@code crosstrace.scan.recorded}, {@code crosstrace.scan.dropped},
 * {@code crosstrace.scan.unknown} (scans of codes the hub never issued, not stored),
 * {@code crosstrace.scan.failed} (lost to a database error), {@code crosstrace.scan.flags} (clone flags
 * raised) and the gauge {@code crosstrace.scan.queue.depth}.
 */
@Service
public class ScanRecorder implements SmartLifecycle, AutoCloseable {

    /**
     * Stops after the web server, which stops at {@code Integer.MAX_VALUE - 2048} once the requests in flight
     * are done, so the scans they record are written too. Every lifecycle stops before any bean is destroyed,
     * and this bean depends on the {@link Driver}, so the driver is still open while the queue drains.
     */
    static final int PHASE = Integer.MAX_VALUE - 4096;

    private static final Logger log = LoggerFactory.getLogger(ScanRecorder.class);

    private final BlockingQueue<Object> queue;
    private final ScanBatchWriter writer;
    private final ScanInsightsReader reader;
    private final int batchSize;
    private final Duration batchDelay;
    private final Duration shutdownTimeout;
    private final LongAdder recorded = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder unknownCode = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder flagsRaised = new LongAdder();
    /** Guards starting and stopping, and writing from a caller's thread while no writer thread runs. */
    private final Object lifecycle = new Object();
    private volatile boolean accepting = true;
    private volatile Thread worker;

    @Autowired
    ScanRecorder(Driver driver, ScanProperties properties, ScanInsightsReader reader,
            ObjectProvider<MeterRegistry> meters, @Value("${spring.data.neo4j.database:}") String database) {
        this(driver, database.isBlank() ? null : database, properties, reader, Clock.systemUTC(), meters.getIfAvailable());
    }

    ScanRecorder(Driver driver, String database, ScanProperties properties, ScanInsightsReader reader, Clock clock,
            MeterRegistry meters) {
        this.writer = new ScanBatchWriter(driver, database, ClientFingerprint.withSalt(properties.fingerprintSalt()),
                new CloneDetector(properties.cloneRules(), properties.marketZone()), clock);
        this.reader = reader;
        this.queue = new ArrayBlockingQueue<>(properties.queueCapacity());
        this.batchSize = properties.batchSize();
        this.batchDelay = properties.batchDelay();
        this.shutdownTimeout = properties.shutdownTimeout();
        if (meters != null) {
            counter(meters, "crosstrace.scan.recorded", recorded, "Consumer scans written to the graph");
            counter(meters, "crosstrace.scan.dropped", dropped, "Consumer scans dropped: queue full or hub stopping");
            counter(meters, "crosstrace.scan.unknown", unknownCode, "Scans of codes this hub never issued, not stored");
            counter(meters, "crosstrace.scan.failed", failed, "Consumer scans lost to a database error");
            counter(meters, "crosstrace.scan.flags", flagsRaised, "Clone flags raised");
            Gauge.builder("crosstrace.scan.queue.depth", queue, BlockingQueue::size)
                    .description("Consumer scans waiting to be written").register(meters);
        }
    }

    /**
     * Accepts a scan for writing and returns at once: it never blocks and never waits for the database. When
     * the queue is full, or the hub is stopping, the scan is dropped and counted.
     */
    public void record(ScanRecord scan) {
        Objects.requireNonNull(scan, "scan");
        if (!accepting || !queue.offer(scan)) {
            dropped.increment();
        }
    }

    /** Scan count and clone flags of one code; {@link ScanInsights#NONE} for a code nobody scanned. */
    public ScanInsights insights(String codePath) {
        return insights(List.of(codePath)).get(codePath);
    }

    /** Scan counts and clone flags of many codes, in one statement; an entry for every path asked. */
    public Map<String, ScanInsights> insights(Collection<String> codePaths) {
        return reader.insights(codePaths);
    }

    /**
     * Waits until every scan accepted before this call is written and its clone rules evaluated (for tests and
     * operations; the scan page never needs it).
     *
     * @throws IllegalStateException when that takes longer than the shutdown timeout
     */
    public void flush() {
        Thread current = worker;
        if (current == null || !current.isAlive()) {
            synchronized (lifecycle) {
                if (worker == null || !worker.isAlive()) {
                    // No writer thread takes from the queue now, so this thread may.
                    writeRemaining();
                    return;
                }
            }
        }
        Barrier barrier = new Barrier(false);
        if (!enqueue(barrier) || !barrier.await(shutdownTimeout)) {
            throw new IllegalStateException("Queued scans were not written within " + shutdownTimeout);
        }
    }

    @Override
    public void start() {
        synchronized (lifecycle) {
            if (worker != null) {
                return;
            }
            accepting = true;
            worker = Thread.ofPlatform().name("crosstrace-scan-writer").daemon(true).start(this::drain);
        }
    }

    /** Stops accepting scans and writes all accepted ones, waiting at most the shutdown timeout. */
    @Override
    public void stop() {
        synchronized (lifecycle) {
            accepting = false;
            Thread current = worker;
            if (current != null) {
                Barrier last = new Barrier(true);
                if (current.isAlive() && enqueue(last)) {
                    last.await(shutdownTimeout);
                }
                if (!join(current)) {
                    log.warn("The scan writer did not finish within {}; {} scans are not written", shutdownTimeout,
                            queue.size());
                    return;
                }
                worker = null;
            }
            // Scans that slipped in while stopping, or all of them when the writer never ran.
            writeRemaining();
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** Same as {@link #stop()}: for a recorder built outside Spring, and as a second guard on destruction. */
    @Override
    public void close() {
        stop();
    }

    Counts counts() {
        return new Counts(recorded.sum(), dropped.sum(), unknownCode.sum(), failed.sum(), flagsRaised.sum(), queue.size());
    }

    /** The recorder's counters since it was built. */
    record Counts(long recorded, long dropped, long unknownCode, long failed, long flagsRaised, int queued) {
    }

    /** The writer thread: a batch is what arrives within the batch delay after its first scan, at most batchSize. */
    private void drain() {
        List<ScanRecord> batch = new ArrayList<>(batchSize);
        try {
            while (true) {
                Object next = queue.take();
                long deadline = System.nanoTime() + batchDelay.toNanos();
                while (next instanceof ScanRecord scan) {
                    batch.add(scan);
                    if (batch.size() >= batchSize) {
                        break;
                    }
                    long wait = deadline - System.nanoTime();
                    next = wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : queue.poll();
                }
                writeBatch(batch);
                if (next instanceof Barrier barrier) {
                    barrier.release();
                    if (barrier.last()) {
                        return;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            writeBatch(batch);
        }
    }

    /** Writes what is queued from the calling thread; only while no writer thread runs. */
    private void writeRemaining() {
        List<ScanRecord> batch = new ArrayList<>(batchSize);
        Object next;
        while ((next = queue.poll()) != null) {
            if (next instanceof ScanRecord scan) {
                batch.add(scan);
                if (batch.size() >= batchSize) {
                    writeBatch(batch);
                }
            } else {
                ((Barrier) next).release();
            }
        }
        writeBatch(batch);
    }

    private void writeBatch(List<ScanRecord> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            ScanBatchWriter.Outcome outcome = writer.write(batch);
            recorded.add(outcome.written());
            unknownCode.add(outcome.unknownCode());
            flagsRaised.add(outcome.flagsRaised());
        } catch (RuntimeException e) {
            failed.add(batch.size());
            log.warn("Could not write {} consumer scans; they are lost", batch.size(), e);
        } finally {
            batch.clear();
        }
    }

    /** Control entries wait for room: only flush and stop send them, never the scan page. */
    private boolean enqueue(Barrier barrier) {
        try {
            return queue.offer(barrier, shutdownTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean join(Thread thread) {
        try {
            return thread.join(shutdownTimeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !thread.isAlive();
        }
    }

    private static void counter(MeterRegistry meters, String name, LongAdder adder, String description) {
        FunctionCounter.builder(name, adder, LongAdder::sum).description(description).register(meters);
    }

    /** A mark in the queue: released once every scan ahead of it is written; the last one ends the writer. */
    private static final class Barrier {

        private final CountDownLatch written = new CountDownLatch(1);
        private final boolean last;

        Barrier(boolean last) {
            this.last = last;
        }

        boolean last() {
            return last;
        }

        void release() {
            written.countDown();
        }

        boolean await(Duration timeout) {
            try {
                return written.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
