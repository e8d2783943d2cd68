package io.crosstrace.hub.graphdb;

import org.springframework.dao.DataAccessResourceFailureException;

/**
 * The graph database cannot be reached: thrown at once while the hub knows it is down, or when a transaction
 * cannot begin or commit for lack of a connection. Callers answer 503 and ask the client to retry later.
 */
public class GraphDatabaseUnavailableException extends DataAccessResourceFailureException {

    public GraphDatabaseUnavailableException(String message) {
        super(message);
    }

    public GraphDatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
