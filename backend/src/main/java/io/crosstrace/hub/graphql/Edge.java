package io.crosstrace.hub.graphql;

/** One element of a connection with the cursor that points at it. */
public record Edge<T>(String cursor, T node) {
}
