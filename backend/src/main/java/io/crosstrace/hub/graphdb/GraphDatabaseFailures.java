package io.crosstrace.hub.graphdb;

import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;

/** Tells failures of the database itself (no connection, a transient conflict) from failures of a request. */
public final class GraphDatabaseFailures {

    private GraphDatabaseFailures() {
    }

    /**
     * The database cannot be reached: no connection could be made or kept, or none was free in time. Such a
     * failure marks the database down until the background probe reaches it again.
     */
    public static boolean isUnavailability(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof GraphDatabaseUnavailableException || t instanceof ServiceUnavailableException
                    || t instanceof SessionExpiredException || isAcquisitionTimeout(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A conflict the database expects to pass (a deadlock, a lock wait that timed out, a leader switch): the whole
     * unit of work may be run again.
     */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientException tx) {
                // A transaction an operator or a shutdown ended is marked transient too, but must not be run again.
                String code = tx.code() == null ? "" : tx.code();
                return !code.endsWith(".Terminated") && !code.endsWith(".LockClientStopped");
            }
        }
        return false;
    }

    /**
     * The database refused a bookmark a client carried in a {@code CrossTrace-Bookmark} header: correctly signed, but
     * naming a state this database does not have (a store restored since, another deployment sharing the secret). The
     * request is the client's to change, not the database's fault.
     */
    public static boolean isUnusableBookmark(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.neo4j.driver.exceptions.ClientException client && client.code() != null
                    && client.code().startsWith("Neo.ClientError.Transaction.InvalidBookmark")) {
                return true;
            }
        }
        return false;
    }

    /** What a client is told when {@link #isUnusableBookmark} holds. */
    public static final String UNUSABLE_BOOKMARK = "The CrossTrace-Bookmark header names a database state this hub "
            + "cannot reach (a store restored since it was issued, or another deployment's); send the request without it";

    private static boolean isAcquisitionTimeout(Throwable t) {
        String message = t.getMessage();
        return t instanceof org.neo4j.driver.exceptions.ClientException && message != null
                && message.contains("acquire connection");
    }
}
