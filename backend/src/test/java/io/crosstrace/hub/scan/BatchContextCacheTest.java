package io.crosstrace.hub.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.transaction.PlatformTransactionManager;

/** The scan page's batch cache: when it answers from memory and when it must read again. */
class BatchContextCacheTest {

    private final AtomicInteger loads = new AtomicInteger();
    /** Background reads wait here until a test runs them; the cache's clock is {@link #now}, moved by hand. */
    private final List<Runnable> background = new ArrayList<>();
    private final AtomicLong now = new AtomicLong();

    @Test
    void units_of_one_batch_read_the_batch_once_per_language() {
        BatchContextCache cache = cache(Duration.ofMinutes(1), new StaticListableBeanFactory());

        cache.get("09335721100113", "L2507B01", false, this::load);
        cache.get("09335721100113", "L2507B01", false, this::load);
        cache.get("09335721100113", "L2507B01", true, this::load);
        cache.get("09335721100113", "L2606A01", false, this::load);

        assertThat(loads).hasValue(3);
        assertThat(cache.hits()).isEqualTo(1);
        assertThat(cache.misses()).isEqualTo(3);
    }

    @Test
    void a_committed_write_transaction_makes_every_batch_read_again_and_a_read_only_one_does_not() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        NoResourceTransactions transactions = new NoResourceTransactions();
        beans.addBean("transactionManager", transactions);
        BatchContextCache cache = cache(Duration.ofMinutes(1), beans);
        cache.afterSingletonsInstantiated();
        cache.get("09335721100113", "L2507B01", false, this::load);

        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        readOnly.executeWithoutResult(status -> { });
        cache.get("09335721100113", "L2507B01", false, this::load);
        assertThat(loads).as("after a read-only transaction").hasValue(1);

        new TransactionTemplate(transactions).executeWithoutResult(status -> { });
        cache.get("09335721100113", "L2507B01", false, this::load);
        assertThat(loads).as("after a write transaction").hasValue(2);

        TransactionTemplate rolledBack = new TransactionTemplate(transactions);
        rolledBack.executeWithoutResult(status -> status.setRollbackOnly());
        cache.get("09335721100113", "L2507B01", false, this::load);
        assertThat(loads).as("after a rolled back transaction, nothing changed").hasValue(2);
    }

    @Test
    void a_kept_context_read_with_another_safety_state_is_read_again() {
        BatchContextCache cache = cache(Duration.ofMinutes(1), new StaticListableBeanFactory());
        BatchContext.SafetyState fine = new BatchContext.SafetyState(false, 0);
        cache.get("09335721100113", "L2507B01", false, fine, this::load);
        cache.get("09335721100113", "L2507B01", false, fine, this::load);
        assertThat(loads).hasValue(1);

        cache.get("09335721100113", "L2507B01", false, new BatchContext.SafetyState(true, 0), this::load);
        cache.get("09335721100113", "L2507B01", false, new BatchContext.SafetyState(false, 1), this::load);
        assertThat(loads).as("recalled, then a certificate revoked: each read again").hasValue(3);
    }

    @Test
    void what_a_read_saw_before_a_commit_is_not_kept() {
        BatchContextCache cache = cache(Duration.ofMinutes(1), new StaticListableBeanFactory());
        cache.get("09335721100113", "L2507B01", false, () -> {
            loads.incrementAndGet();
            cache.afterCommit(new DefaultTransactionStatus("write", new Object(), true, true, false, false, false, null), null);
            return context();
        });
        cache.get("09335721100113", "L2507B01", false, this::load);

        assertThat(loads).hasValue(2);
    }

    @Test
    void an_entry_is_used_no_longer_than_its_time_and_a_time_of_zero_keeps_nothing() throws InterruptedException {
        BatchContextCache shortLived = cache(Duration.ofMillis(50), new StaticListableBeanFactory());
        shortLived.get("09335721100113", "L2507B01", false, this::load);
        Thread.sleep(80);
        shortLived.get("09335721100113", "L2507B01", false, this::load);
        assertThat(loads).hasValue(2);

        BatchContextCache off = cache(Duration.ZERO, new StaticListableBeanFactory());
        off.get("09335721100113", "L2507B01", false, this::load);
        off.get("09335721100113", "L2507B01", false, this::load);
        assertThat(loads).hasValue(4);
    }

    @Test
    void an_entry_past_half_its_time_is_used_while_one_background_read_replaces_it() {
        BatchContextCache cache = minuteCacheOnHandMovedTime();
        BatchContext first = cache.get("09335721100113", "L2507B01", false, this::load);

        now.set(Duration.ofSeconds(29).toNanos());
        cache.get("09335721100113", "L2507B01", false, this::load);
        assertThat(background).as("before half its time, nothing is read again").isEmpty();

        now.set(Duration.ofSeconds(45).toNanos());
        BatchContext served = cache.get("09335721100113", "L2507B01", false, this::load);
        cache.get("09335721100113", "L2507B01", false, this::load);
        assertThat(served).as("the page does not wait").isSameAs(first);
        assertThat(loads).hasValue(1);
        assertThat(background).as("one read per batch, however many pages ask").hasSize(1);

        background.removeFirst().run();
        assertThat(loads).hasValue(2);
        assertThat(cache.refreshes()).isEqualTo(1);

        now.set(Duration.ofSeconds(100).toNanos());
        BatchContext later = cache.get("09335721100113", "L2507B01", false, this::load);
        assertThat(later).as("the background read counts from when it ran: still young at 100 s").isNotSameAs(first);
        assertThat(loads).hasValue(2);
        assertThat(cache.misses()).isEqualTo(1);
    }

    @Test
    void a_background_read_that_a_write_overtook_is_not_kept() {
        BatchContextCache cache = minuteCacheOnHandMovedTime();
        cache.get("09335721100113", "L2507B01", false, this::load);
        now.set(Duration.ofSeconds(40).toNanos());
        cache.get("09335721100113", "L2507B01", false, () -> {
            loads.incrementAndGet();
            cache.afterCommit(new DefaultTransactionStatus("write", new Object(), true, true, false, false, false, null), null);
            return context();
        });

        background.removeFirst().run();
        cache.get("09335721100113", "L2507B01", false, this::load);

        assertThat(loads).as("first read, the overtaken background read, and the page's own read after the write")
                .hasValue(3);
    }

    @Test
    void a_background_read_that_fails_leaves_the_entry_until_its_time_is_up() {
        BatchContextCache cache = minuteCacheOnHandMovedTime();
        BatchContext first = cache.get("09335721100113", "L2507B01", false, this::load);
        now.set(Duration.ofSeconds(40).toNanos());
        cache.get("09335721100113", "L2507B01", false, () -> {
            throw new IllegalStateException("database gone");
        });

        background.removeFirst().run();

        assertThat(cache.get("09335721100113", "L2507B01", false, this::load)).isSameAs(first);
        assertThat(background).as("a failed read may be tried again").hasSize(1);
        now.set(Duration.ofSeconds(61).toNanos());
        cache.get("09335721100113", "L2507B01", false, this::load);
        assertThat(loads).hasValue(2);
    }

    private BatchContext load() {
        loads.incrementAndGet();
        return context();
    }

    private static BatchContext context() {
        return new BatchContext(null, Optional.empty(), List.of(), Map.of());
    }

    private BatchContextCache minuteCacheOnHandMovedTime() {
        return cache(Duration.ofSeconds(60), new StaticListableBeanFactory(), background::add, now::get);
    }

    private static BatchContextCache cache(Duration ttl, StaticListableBeanFactory beans) {
        return cache(ttl, beans, Runnable::run, System::nanoTime);
    }

    private static BatchContextCache cache(Duration ttl, StaticListableBeanFactory beans, Executor background,
            LongSupplier nanoTime) {
        return new BatchContextCache(new BatchContextCache.Settings(ttl, 100),
                beans.getBeanProvider(PlatformTransactionManager.class), beans.getBeanProvider(MeterRegistry.class),
                background, nanoTime);
    }

    /** Transactions around nothing: what the cache sees is their outcome, through the manager's listeners. */
    private static final class NoResourceTransactions extends AbstractPlatformTransactionManager {
        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }
}
