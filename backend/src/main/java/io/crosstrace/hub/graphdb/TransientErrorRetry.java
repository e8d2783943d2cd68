package io.crosstrace.hub.graphdb;

import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a unit of work again when it failed on a transient database error (a deadlock, a lock that could not be
 * taken in time): the work's transaction was rolled back whole, so running it again is safe. Only the outermost
 * unit is retried: inside a running transaction the failure goes up to whoever began it.
 */
public final class TransientErrorRetry {

    private static final Logger log = LoggerFactory.getLogger(TransientErrorRetry.class);

    /** Runs every unit of work once. */
    static final TransientErrorRetry NONE = new TransientErrorRetry(0, Duration.ZERO);

    private final int retries;
    private final Duration backoff;

    public TransientErrorRetry(int retries, Duration backoff) {
        this.retries = retries;
        this.backoff = backoff;
    }

    /** A unit of work that may throw whatever its method declares. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws Throwable;
    }

    public <T> T get(Supplier<T> work) {
        try {
            return call(work::get);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    public <T> T call(Work<T> work) throws Throwable {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return work.run();
        }
        long wait = backoff.toMillis();
        for (int attempt = 0; ; attempt++) {
            try {
                return work.run();
            } catch (Throwable e) {
                if (attempt >= retries || !GraphDatabaseFailures.isTransient(e)) {
                    throw e;
                }
                log.info("Transient database error, running the unit of work again ({} of {}): {}", attempt + 1,
                        retries, e.toString());
                Thread.sleep(wait + (long) (Math.random() * wait));
                wait *= 2;
            }
        }
    }
}
