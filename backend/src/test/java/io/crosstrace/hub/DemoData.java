package io.crosstrace.hub;

import java.util.List;

import org.neo4j.driver.Driver;

/** Reads facts of the loaded demo world straight from the database, for tests to ask the API about. */
public final class DemoData {

    private DemoData() {
    }

    /**
     * Path of a unit code of the demo world whose batch was shipped (with loading supervision) and declared in a
     * consignment. Tests that build their own chains through the API never supervise loading, so their units are
     * never picked, whatever order test classes run in.
     */
    public static String shippedUnitPath(Driver driver) {
        return driver.executableQuery("""
                MATCH (c:Consignment)-[:DECLARES]->(b:Batch)-[:HAS_UNIT]->(code:TraceCode)
                WHERE EXISTS { (b)<-[:CARRIES]-(:Shipment) }
                  AND EXISTS { MATCH (i:Inspection {kind: 'LOADING_SUPERVISION'})-[:OF]->(x)
                               WHERE x = b OR (x)-[:CARRIES]->(b) }
                RETURN code.path AS path ORDER BY code.path LIMIT 1""").execute().records().getFirst().get("path").asString();
    }

    public static List<String> strings(Driver driver, String cypher) {
        return driver.executableQuery(cypher).execute().records().stream().map(r -> r.get(0).asString()).toList();
    }

    public static long count(Driver driver, String cypher) {
        return driver.executableQuery(cypher).execute().records().getFirst().get(0).asLong();
    }
}
