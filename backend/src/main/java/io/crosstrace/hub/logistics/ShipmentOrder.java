package io.crosstrace.hub.logistics;

/**
 * The orders a shipment list can be read in. A fixed set of Cypher
 * fragments, so a caller (the workspace's sortable grid) picks an order without writing Cypher; the business key
 * follows each so pages never overlap.
 */
public enum ShipmentOrder {
    DEPARTED_NEWEST("s.departedOn DESC, s.number"),
    DEPARTED_OLDEST("s.departedOn ASC, s.number"),
    ARRIVED_NEWEST("s.arrivedOn DESC, s.number"),
    ARRIVED_OLDEST("s.arrivedOn ASC, s.number"),
    NUMBER_ASCENDING("s.number ASC"),
    NUMBER_DESCENDING("s.number DESC"),
    VESSEL_ASCENDING("s.vessel ASC, s.number"),
    VESSEL_DESCENDING("s.vessel DESC, s.number");

    final String cypher;

    ShipmentOrder(String cypher) {
        this.cypher = cypher;
    }
}
