package io.crosstrace.hub.registry;

/**
 * The orders a premises list can be read in. A fixed set of Cypher
 * fragments, so a caller (the workspace's sortable grid) picks an order without writing Cypher; the business key
 * follows each so pages never overlap.
 */
public enum PremisesOrder {
    GLN_ASCENDING("p.gln ASC"),
    GLN_DESCENDING("p.gln DESC"),
    NAME_ASCENDING("p.name ASC, p.gln"),
    NAME_DESCENDING("p.name DESC, p.gln"),
    CITY_ASCENDING("p.city ASC, p.gln"),
    CITY_DESCENDING("p.city DESC, p.gln"),
    COUNTRY_ASCENDING("p.country ASC, p.gln"),
    COUNTRY_DESCENDING("p.country DESC, p.gln");

    final String cypher;

    PremisesOrder(String cypher) {
        this.cypher = cypher;
    }
}
