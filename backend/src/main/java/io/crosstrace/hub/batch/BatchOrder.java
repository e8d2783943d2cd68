package io.crosstrace.hub.batch;

/**
 * The orders a batch list can be read in. A fixed set, so callers choose an order without writing Cypher; the
 * business key follows each so pages never overlap.
 */
public enum BatchOrder {
    PRODUCED_NEWEST("b.productionDate DESC, b.gtin, b.lot"),
    PRODUCED_OLDEST("b.productionDate ASC, b.gtin, b.lot"),
    EXPIRES_SOONEST("b.expiryDate ASC, b.gtin, b.lot"),
    EXPIRES_LATEST("b.expiryDate DESC, b.gtin, b.lot"),
    LOT_ASCENDING("b.lot ASC, b.gtin"),
    LOT_DESCENDING("b.lot DESC, b.gtin"),
    QUANTITY_LARGEST("b.quantity DESC, b.gtin, b.lot"),
    QUANTITY_SMALLEST("b.quantity ASC, b.gtin, b.lot");

    final String cypher;

    BatchOrder(String cypher) {
        this.cypher = cypher;
    }
}
