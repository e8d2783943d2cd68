package io.crosstrace.hub.webhook;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends pending deliveries. One poller thread leases due deliveries in small batches (no more than there are
 * free request slots) and hands each to a virtual thread that posts it, records the attempt and decides what
 * comes next: DELIVERED on 2xx; otherwise another attempt after an exponential, jittered backoff, or FAILED
 * after the last allowed one.
 *
 * <p>Slow receivers cannot hold up the others: requests have timeouts, at most {@code maxConcurrent} are in
 * flight, and at most {@code maxConcurrentPerSubscription} of them go to one subscription. Several instances
 * may run dispatchers on one database: a lease taken under the delivery's write lock keeps two from sending
 * the same delivery at once; a lease left by a dead instance expires and the delivery is sent again
 * (delivery is at least once).
 *
 * <p>Metrics: {@code crosstrace.webhooks.attempts} tagged {@code outcome} = delivered, retry, failed.
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

    /** Stops after the web server, like the scan recorder, and before the driver closes. */
    static final int PHASE = Integer.MAX_VALUE - 4096;

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final DeliveryStore store;
    private final WebhookSettings settings;
    private final Clock clock;
    private final Semaphore wake = new Semaphore(0);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<String, Integer> inFlightPerSubscription = new ConcurrentHashMap<>();
    private final Counter delivered;
    private final Counter retried;
    private final Counter failed;
    private final Object lifecycle = new Object();
    private volatile boolean running;
    /** Only the poller thread reads and writes it. */
    private boolean failing;
    private Thread poller;
    private ExecutorService senders;
    private WebhookSender sender;

    WebhookDispatcher(Driver driver, WebhookSettings settings, ObjectProvider<MeterRegistry> meters,
            @Value("${spring.data.neo4j.database:}") String database) {
        this.store = new DeliveryStore(driver, database);
        this.settings = settings;
        this.clock = Clock.systemUTC();
        MeterRegistry registry = meters.getIfAvailable();
        this.delivered = counter(registry, "delivered");
        this.retried = counter(registry, "retry");
        this.failed = counter(registry, "failed");
    }

    /** Looks for due deliveries now rather than at the next poll. */
    void wakeUp() {
        wake.release();
    }

    /** Wakes the dispatcher once the caller's transaction has committed what it should send. */
    void wakeUpAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wakeUp();
                }
            });
        } else {
            wakeUp();
        }
    }

    @Override
    public void start() {
        synchronized (lifecycle) {
            WebhookProperties properties = settings.current();
            if (running) {
                return;
            }
            if (!properties.dispatcherEnabled()) {
                log.info("Webhook dispatcher disabled on this instance (crosstrace.webhooks.dispatcher-enabled)");
                return;
            }
            sender = new WebhookSender(properties.connectTimeout(), clock);
            senders = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("webhook-send-", 0).factory());
            running = true;
            poller = Thread.ofPlatform().name("webhook-poller").daemon().start(this::pollUntilStopped);
        }
    }

    @Override
    public void stop() {
        synchronized (lifecycle) {
            if (!running) {
                return;
            }
            running = false;
            wakeUp();
            WebhookProperties properties = settings.current();
            Duration grace = properties.connectTimeout().plus(properties.requestTimeout()).plusSeconds(1);
            try {
                poller.join(grace);
                senders.shutdown();
                if (!senders.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    // Abandoned requests are not recorded: their leases expire and they are sent again.
                    log.warn("Webhook requests still in flight at shutdown were abandoned; they will be sent again");
                    senders.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                senders.shutdownNow();
            } finally {
                sender.close();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private void pollUntilStopped() {
        while (running) {
            try {
                dispatchDue();
                if (failing) {
                    log.info("Leasing webhook deliveries works again");
                    failing = false;
                }
            } catch (RuntimeException e) {
                // The database may be restarting or failing over: the next poll tries again. Said once per outage,
                // not once per poll.
                if (!failing) {
                    log.warn("Could not lease due webhook deliveries; trying again every poll", e);
                    failing = true;
                } else {
                    log.debug("Still cannot lease due webhook deliveries: {}", e.toString());
                }
            }
            try {
                wake.tryAcquire(settings.current().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Leases as many due deliveries as there are free slots and starts sending them; returns how many. */
    int dispatchDue() {
        WebhookProperties properties = settings.current();
        int free = properties.maxConcurrent() - inFlight.get();
        if (free <= 0) {
            return 0;
        }
        List<ClaimedDelivery> claimed = store.claim(free, Map.copyOf(inFlightPerSubscription),
                properties.maxConcurrentPerSubscription(), clock.instant(), properties.lease());
        for (ClaimedDelivery delivery : claimed) {
            inFlight.incrementAndGet();
            inFlightPerSubscription.merge(delivery.subscriptionId(), 1, Integer::sum);
            try {
                senders.execute(() -> deliver(delivery));
            } catch (RejectedExecutionException e) {
                // Stopping: the lease expires and this or another instance sends it later.
                released(delivery);
            }
        }
        return claimed.size();
    }

    private void deliver(ClaimedDelivery delivery) {
        try {
            WebhookProperties properties = settings.current();
            AttemptOutcome outcome = attempt(delivery, properties);
            record(delivery, outcome, properties.retryPolicy());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Could not record an attempt of {}; it is sent again when its lease expires", delivery, e);
        } finally {
            released(delivery);
            wakeUp();
        }
    }

    private AttemptOutcome attempt(ClaimedDelivery delivery, WebhookProperties properties) throws InterruptedException {
        URI target;
        try {
            // Checked again on every attempt: the host's addresses may have changed since it was subscribed.
            target = properties.targetGuard().check(delivery.url());
        } catch (WebhookRejectedException e) {
            return AttemptOutcome.failed(clock.instant(), "Target refused: " + e.getMessage(), Duration.ZERO);
        }
        return sender.send(delivery, target, properties.requestTimeout());
    }

    private void record(ClaimedDelivery delivery, AttemptOutcome outcome, RetryPolicy policy) {
        int failedAttempts = delivery.attempts() + 1;
        if (outcome.delivered()) {
            store.record(delivery, outcome, WebhookDeliveryStatus.DELIVERED, null);
            delivered.increment();
        } else if (policy.exhausted(failedAttempts)) {
            store.record(delivery, outcome, WebhookDeliveryStatus.FAILED, null);
            failed.increment();
            log.info("{} failed for good after {} attempts: {}", delivery, failedAttempts, outcome.error());
        } else {
            Instant next = clock.instant().plus(policy.delayAfter(failedAttempts, ThreadLocalRandom.current().nextDouble()));
            store.record(delivery, outcome, WebhookDeliveryStatus.PENDING, next);
            retried.increment();
        }
    }

    private void released(ClaimedDelivery delivery) {
        inFlight.decrementAndGet();
        inFlightPerSubscription.computeIfPresent(delivery.subscriptionId(), (id, n) -> n > 1 ? n - 1 : null);
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        Counter.Builder builder = Counter.builder("crosstrace.webhooks.attempts").tag("outcome", outcome)
                .description("Webhook requests sent, by what they led to");
        return registry == null ? builder.register(new SimpleMeterRegistry())
                : builder.register(registry);
    }
}
