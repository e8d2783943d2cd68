package io.crosstrace.hub.graphdb;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction template whose callback runs again after a transient database error, as {@code @Transactional}
 * methods do: the failed transaction was rolled back whole, so the callback starts from a clean slate. With a
 * transaction manager other than the hub's (a test's own), it runs once, as a plain template.
 */
public class RetryingTransactionTemplate extends TransactionTemplate {

    private final TransientErrorRetry retry;

    public RetryingTransactionTemplate(PlatformTransactionManager transactionManager) {
        super(transactionManager);
        this.retry = transactionManager instanceof AvailabilityGuardedTransactionManager guarded ? guarded.retry()
                : TransientErrorRetry.NONE;
    }

    @Override
    public <T> T execute(TransactionCallback<T> action) throws TransactionException {
        return retry.get(() -> super.execute(action));
    }
}
