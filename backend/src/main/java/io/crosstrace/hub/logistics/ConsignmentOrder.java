package io.crosstrace.hub.logistics;

/**
 * The orders a consignment list can be read in. A fixed set of Cypher
 * fragments, so a caller (the workspace's sortable grid) picks an order without writing Cypher; the business key
 * follows each so pages never overlap.
 */
public enum ConsignmentOrder {
    DECLARED_NEWEST("c.declaredOn DESC, c.declarationNumber"),
    DECLARED_OLDEST("c.declaredOn ASC, c.declarationNumber"),
    NUMBER_ASCENDING("c.declarationNumber ASC"),
    NUMBER_DESCENDING("c.declarationNumber DESC"),
    STATUS_ASCENDING("c.status ASC, c.declarationNumber"),
    STATUS_DESCENDING("c.status DESC, c.declarationNumber"),
    RELEASED_OLDEST("c.releasedOn ASC, c.declarationNumber"),
    RELEASED_NEWEST("c.releasedOn DESC, c.declarationNumber");

    final String cypher;

    ConsignmentOrder(String cypher) {
        this.cypher = cypher;
    }
}
