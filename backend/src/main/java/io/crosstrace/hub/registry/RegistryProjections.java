package io.crosstrace.hub.registry;

import org.neo4j.driver.Value;

/**
 * Cypher projections and mappers of registry objects, for features whose single-statement reads include
 * them (the walk from a unit code to its origin). Projections are fixed text around a variable name.
 */
public final class RegistryProjections {

    private RegistryProjections() {
    }

    public static String organization(String var) {
        return var + "{.*}";
    }

    public static String premises(String var) {
        return "%1$s{.*, operatorGln: [(op:Organization)-[:OPERATES]->(%1$s) | op.gln][0]}".formatted(var);
    }

    public static String product(String var) {
        return "%1$s{.*, ownerGln: [(ow:Organization)-[:OWNS]->(%1$s) | ow.gln][0]}".formatted(var);
    }

    public static Organization organization(Value v) {
        return Organization.from(v);
    }

    public static Premises premises(Value v) {
        return Premises.from(v);
    }

    public static Product product(Value v) {
        return Product.from(v);
    }
}
