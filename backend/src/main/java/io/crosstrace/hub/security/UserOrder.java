package io.crosstrace.hub.security;

/**
 * The orders a user list can be read in. A fixed set of Cypher fragments, so a caller picks an order without
 * writing Cypher; the username follows each so pages never overlap.
 */
public enum UserOrder {
    USERNAME_ASCENDING("u.username ASC"),
    USERNAME_DESCENDING("u.username DESC"),
    ORGANIZATION_ASCENDING("o.gln ASC, u.username ASC"),
    ORGANIZATION_DESCENDING("o.gln DESC, u.username ASC"),
    ENABLED_FIRST("coalesce(u.enabled, false) DESC, u.username ASC"),
    DISABLED_FIRST("coalesce(u.enabled, false) ASC, u.username ASC");

    final String cypher;

    UserOrder(String cypher) {
        this.cypher = cypher;
    }
}
