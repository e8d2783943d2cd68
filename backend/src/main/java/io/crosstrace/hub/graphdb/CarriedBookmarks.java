package io.crosstrace.hub.graphdb;

import org.springframework.data.neo4j.core.transaction.Neo4jBookmarkManager;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The bookmarks of the hub's transactions, and a listener on their manager. The bookmark manager is Spring Data
 * Neo4j's own: it keeps the bookmarks of this instance's commits, so a request reads what this instance wrote before
 * it; its supplier adds those the request's client carried from another instance ({@link RequestBookmarks}), so every
 * transaction of that request begins after the client's earlier write, even on a secondary that is catching up.
 *
 * <p>When a write transaction of a request commits, the manager's bookmarks go to the request for its response. They
 * are at least as new as the write: a bookmark leaves the manager only when a transaction that began after it commits,
 * and that one's takes its place. One bookmark while the instance is quiet, about as many as transactions run at once
 * when it is busy.
 */
final class CarriedBookmarks implements TransactionExecutionListener {

    private final Neo4jBookmarkManager manager = Neo4jBookmarkManager.create(RequestBookmarks::carriedNow);
    private final Counter carriedBegins;

    /** @param meters where to count the transactions begun after carried bookmarks; null for none */
    CarriedBookmarks(MeterRegistry meters) {
        this.carriedBegins = meters == null ? null : Counter.builder("crosstrace.bookmarks.carried")
                .description("Transactions begun after bookmarks a client carried from an earlier request, "
                        + "possibly through another instance")
                .register(meters);
    }

    /**
     * The bookmark manager of the hub's transaction manager only. Not a bean: the {@code Neo4jClient} would take it for
     * its statements outside a transaction, and after one that fails it keeps the bookmarks the statement began with as
     * its own, so a carried bookmark the database refused would fail every later transaction of this instance. Those
     * statements go to the leader anyway, which has every committed write.
     */
    Neo4jBookmarkManager manager() {
        return manager;
    }

    @Override
    public void afterBegin(TransactionExecution transaction, Throwable beginFailure) {
        if (beginFailure == null && carriedBegins != null && !RequestBookmarks.carriedNow().isEmpty()) {
            carriedBegins.increment();
        }
    }

    @Override
    public void afterCommit(TransactionExecution transaction, Throwable commitFailure) {
        if (commitFailure == null && !transaction.isReadOnly()) {
            RequestBookmarks.current().ifPresent(request -> request.written(manager::getBookmarks));
        }
    }
}
