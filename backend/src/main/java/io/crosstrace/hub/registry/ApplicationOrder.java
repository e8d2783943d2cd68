package io.crosstrace.hub.registry;

/**
 * The orders an application list can be read in. A fixed set of Cypher
 * fragments, so a caller (the workspace's sortable grid) picks an order without writing Cypher; the business key
 * follows each so pages never overlap.
 */
public enum ApplicationOrder {
    SUBMITTED_NEWEST("a.submittedAt DESC, a.number"),
    SUBMITTED_OLDEST("a.submittedAt ASC, a.number"),
    NUMBER_ASCENDING("a.number ASC"),
    NUMBER_DESCENDING("a.number DESC"),
    KIND_ASCENDING("a.kind ASC, a.number"),
    KIND_DESCENDING("a.kind DESC, a.number");

    final String cypher;

    ApplicationOrder(String cypher) {
        this.cypher = cypher;
    }
}
