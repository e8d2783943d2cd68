package io.crosstrace.hub.registry;

/**
 * The orders an organization list can be read in. A fixed set of Cypher
 * fragments, so a caller (the workspace's sortable grid) picks an order without writing Cypher; the business key
 * follows each so pages never overlap.
 */
public enum OrganizationOrder {
    GLN_ASCENDING("o.gln ASC"),
    GLN_DESCENDING("o.gln DESC"),
    NAME_ASCENDING("o.name ASC, o.gln"),
    NAME_DESCENDING("o.name DESC, o.gln"),
    COUNTRY_ASCENDING("o.country ASC, o.gln"),
    COUNTRY_DESCENDING("o.country DESC, o.gln");

    final String cypher;

    OrganizationOrder(String cypher) {
        this.cypher = cypher;
    }
}
