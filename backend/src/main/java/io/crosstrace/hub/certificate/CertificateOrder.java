package io.crosstrace.hub.certificate;

/**
 * The orders a certificate list can be read in. A fixed set of Cypher
 * fragments, so a caller (the workspace's sortable grid) picks an order without writing Cypher; the business key
 * follows each so pages never overlap.
 */
public enum CertificateOrder {
    NUMBER_ASCENDING("c.number ASC"),
    NUMBER_DESCENDING("c.number DESC"),
    VALID_FROM_OLDEST("c.validFrom ASC, c.number"),
    VALID_FROM_NEWEST("c.validFrom DESC, c.number"),
    VALID_UNTIL_SOONEST("c.validUntil ASC, c.number"),
    VALID_UNTIL_LATEST("c.validUntil DESC, c.number"),
    STATUS_ASCENDING("c.status ASC, c.number"),
    STATUS_DESCENDING("c.status DESC, c.number");

    final String cypher;

    CertificateOrder(String cypher) {
        this.cypher = cypher;
    }
}
