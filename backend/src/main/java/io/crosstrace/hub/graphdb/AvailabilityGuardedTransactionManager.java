package io.crosstrace.hub.graphdb;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionStatus;

/**
 * The Neo4j transaction manager behind a check of {@link GraphDatabaseAvailability}: while the database is known
 * down a transaction fails at once, without touching the driver; when beginning or committing fails for lack of a
 * connection, the database is marked down and the failure becomes a {@link GraphDatabaseUnavailableException}.
 * A refusal of the bookmarks a client carried becomes an {@link UnusableBookmarkException}, the client's error.
 */
final class AvailabilityGuardedTransactionManager implements PlatformTransactionManager {

    private final PlatformTransactionManager neo4j;
    private final GraphDatabaseAvailability availability;
    private final TransientErrorRetry retry;

    AvailabilityGuardedTransactionManager(PlatformTransactionManager neo4j, GraphDatabaseAvailability availability,
            TransientErrorRetry retry) {
        this.neo4j = neo4j;
        this.availability = availability;
        this.retry = retry;
    }

    /** How templates over this manager run a unit of work again after a transient error. */
    TransientErrorRetry retry() {
        return retry;
    }

    @Override
    public TransactionStatus getTransaction(TransactionDefinition definition) throws TransactionException {
        availability.ensureAvailable();
        try {
            return neo4j.getTransaction(definition);
        } catch (RuntimeException e) {
            throw translated(e);
        }
    }

    @Override
    public void commit(TransactionStatus status) throws TransactionException {
        try {
            neo4j.commit(status);
        } catch (RuntimeException e) {
            throw translated(e);
        }
    }

    @Override
    public void rollback(TransactionStatus status) throws TransactionException {
        neo4j.rollback(status);
    }

    private RuntimeException translated(RuntimeException failure) {
        if (GraphDatabaseFailures.isUnusableBookmark(failure)) {
            return new UnusableBookmarkException(failure);
        }
        if (!GraphDatabaseFailures.isUnavailability(failure) || failure instanceof GraphDatabaseUnavailableException) {
            return failure;
        }
        availability.report(failure);
        return new GraphDatabaseUnavailableException("The graph database is unavailable", failure);
    }
}
