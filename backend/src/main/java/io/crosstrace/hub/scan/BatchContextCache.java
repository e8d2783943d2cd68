package io.crosstrace.hub.scan;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ConfigurableTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Keeps what every unit of a batch shows alike on its scan page ({@link BatchContext}), so that a unit's page reads
 * only the unit itself. A batch has thousands of units and a trending product is scanned in bursts: without it, every
 * scan walked the same chain from the batch to its origin again.
 *
 * <p>Correct for this hub's own writes: every write transaction that commits through the transaction manager (a
 * recall, a revocation, an inspection, a shipment's arrival, an EPCIS capture) starts a new generation, and an entry of
 * an older generation is never used; a read that began before the commit cannot store what it read either. Each page
 * also reads the batch's safety state (recalled, revoked certificates) with the unit and uses a kept context only when
 * it agrees, so a recall or revocation through another hub instance shows at once; other writes through another
 * instance show after at most {@code ttl}. Consumer scans are written beside the transaction
 * manager and do not invalidate: the context holds nothing a scan changes.
 *
 * <p>An entry past half its ttl is still used, and read again in the background (one thread, one read per batch and
 * language at a time) so that a batch scanned often never makes a page wait for its chain: without it, every entry
 * expired while scanned, and those reads, a tenth of the pages, made the page's p99. The background read stores only
 * when no write committed while it ran, as a page's read does.
 */
@Component
@EnableConfigurationProperties(BatchContextCache.Settings.class)
class BatchContextCache implements TransactionExecutionListener, SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BatchContextCache.class);

    /**
     * {@code crosstrace.scan.batch-cache.*}.
     *
     * @param ttl        longest an entry is used (default 60s): how long a write through another instance may take to
     *                   show on this instance's scan pages, except a recall or a revocation, which every page checks;
     *                   0 turns the cache off
     * @param maxBatches most batches held (default 10000); when reached, the cache starts empty again
     */
    @ConfigurationProperties("crosstrace.scan.batch-cache")
    record Settings(@DefaultValue("60s") Duration ttl, @DefaultValue("10000") int maxBatches) {
    }

    private record Entry(BatchContext context, long generation, long loadedAtNanos) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder refreshes = new LongAdder();
    /** Keys whose background read is queued or running. */
    private final Set<String> refreshing = ConcurrentHashMap.newKeySet();
    private final long ttlNanos;
    private final int maxBatches;
    private final ObjectProvider<PlatformTransactionManager> transactionManagers;
    private final Executor refresher;
    private final LongSupplier nanoTime;

    @Autowired
    BatchContextCache(Settings settings, ObjectProvider<PlatformTransactionManager> transactionManagers,
            ObjectProvider<MeterRegistry> meters) {
        this(settings, transactionManagers, meters, backgroundReader(), System::nanoTime);
    }

    BatchContextCache(Settings settings, ObjectProvider<PlatformTransactionManager> transactionManagers,
            ObjectProvider<MeterRegistry> meters, Executor refresher, LongSupplier nanoTime) {
        this.ttlNanos = settings.ttl().toNanos();
        this.maxBatches = settings.maxBatches();
        this.transactionManagers = transactionManagers;
        this.refresher = refresher;
        this.nanoTime = nanoTime;
        MeterRegistry registry = meters.getIfAvailable();
        if (registry != null) {
            FunctionCounter.builder("crosstrace.scan.batch-cache.hits", hits, LongAdder::sum)
                    .description("Scan pages that found their batch's context in memory").register(registry);
            FunctionCounter.builder("crosstrace.scan.batch-cache.misses", misses, LongAdder::sum)
                    .description("Scan pages that read their batch's context from the graph").register(registry);
            FunctionCounter.builder("crosstrace.scan.batch-cache.refreshes", refreshes, LongAdder::sum)
                    .description("Batch contexts read again in the background before they expired").register(registry);
        }
    }

    /** One daemon thread; when a thousand reads already wait, a further one is skipped (its entry expires instead). */
    private static ExecutorService backgroundReader() {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1000), runnable -> {
            Thread thread = new Thread(runnable, "crosstrace-batch-context-refresh");
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** Listens to every transaction manager, once it exists (it may be built after this bean). */
    @Override
    public void afterSingletonsInstantiated() {
        transactionManagers.orderedStream().forEach(manager -> {
            if (manager instanceof ConfigurableTransactionManager configurable
                    && !configurable.getTransactionExecutionListeners().contains(this)) {
                configurable.addListener(this);
            }
        });
    }

    /** The batch's context: from memory when this generation has it and it is young enough, else from {@code load}. */
    BatchContext get(String gtin, String lot, boolean chinese, Supplier<BatchContext> load) {
        return get(gtin, lot, chinese, null, load);
    }

    /**
     * The batch's context, as {@link #get(String, String, boolean, Supplier)}, and read again when the kept one was read
     * with another safety state than the one the caller just read from the graph: a recall or a revocation shows at
     * once, even when it was written through another instance.
     */
    BatchContext get(String gtin, String lot, boolean chinese, BatchContext.SafetyState current, Supplier<BatchContext> load) {
        if (ttlNanos <= 0) {
            misses.increment();
            return load.get();
        }
        String key = gtin + '|' + lot + (chinese ? "|zh" : "|en");
        long generationNow = generation.get();
        long now = nanoTime.getAsLong();
        Entry entry = entries.get(key);
        if (entry != null && entry.generation() == generationNow && now - entry.loadedAtNanos() < ttlNanos
                && (current == null || current.equals(entry.context().safety()))) {
            hits.increment();
            if (now - entry.loadedAtNanos() >= ttlNanos / 2) {
                refreshInBackground(key, load);
            }
            return entry.context();
        }
        misses.increment();
        return loadAndKeep(key, load, generationNow, now);
    }

    private BatchContext loadAndKeep(String key, Supplier<BatchContext> load, long generationBefore, long readAt) {
        BatchContext context = Objects.requireNonNull(load.get(), "context");
        // Read before a commit and stored after it would be stale: store only when no write committed meanwhile.
        if (generation.get() == generationBefore) {
            if (entries.size() >= maxBatches) {
                entries.clear();
            }
            entries.put(key, new Entry(context, generationBefore, readAt));
        }
        return context;
    }

    /** Reads the batch again off the request path, in a read-only transaction of its own (one snapshot). */
    private void refreshInBackground(String key, Supplier<BatchContext> load) {
        if (!refreshing.add(key)) {
            return;
        }
        try {
            refresher.execute(() -> {
                try {
                    long generationBefore = generation.get();
                    long readAt = nanoTime.getAsLong();
                    PlatformTransactionManager manager = transactionManagers.getIfAvailable();
                    if (manager == null) {
                        loadAndKeep(key, load, generationBefore, readAt);
                    } else {
                        TransactionTemplate readOnly = new TransactionTemplate(manager);
                        readOnly.setReadOnly(true);
                        readOnly.executeWithoutResult(status -> loadAndKeep(key, load, generationBefore, readAt));
                    }
                    refreshes.increment();
                } catch (RuntimeException e) {
                    // The entry stays until its time is up; then a page reads the batch itself.
                    log.debug("Background read of batch context {} failed: {}", key, e.toString());
                } finally {
                    refreshing.remove(key);
                }
            });
        } catch (RejectedExecutionException full) {
            refreshing.remove(key);
        }
    }

    @Override
    public void destroy() {
        if (refresher instanceof ExecutorService service) {
            service.shutdownNow();
        }
    }

    /** Forgets every batch's context: the next page of each reads it again. */
    void invalidateAll() {
        generation.incrementAndGet();
        entries.clear();
    }

    @Override
    public void afterCommit(TransactionExecution transaction, Throwable commitFailure) {
        if (!transaction.isReadOnly()) {
            invalidateAll();
        }
    }

    long hits() {
        return hits.sum();
    }

    long misses() {
        return misses.sum();
    }

    long refreshes() {
        return refreshes.sum();
    }
}
