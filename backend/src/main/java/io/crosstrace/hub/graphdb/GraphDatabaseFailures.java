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

    private static boolean isAcquisitionTimeout(Throwable t) {
        String message = t.getMessage();
        return t instanceof org.neo4j.driver.exceptions.ClientException && message != null
                && message.contains("acquire connection");
    }
}
