package io.crosstrace.hub.port;

import static io.crosstrace.hub.graphdb.GraphValues.str;

import org.neo4j.driver.Value;

/**
 * An active blacklisting of a party of the chain, read from the risk feature's
 * {@code (:Blacklisting {active: true, reason})-[:BLOCKS]->(:Organization|:Premises)}.
 *
 * @param party PRODUCER, PREMISES or IMPORTER
 */
record BlacklistFact(String party, String name, String reason) {

    static BlacklistFact from(Value v) {
        return new BlacklistFact(str(v, "party"), str(v, "name"), str(v, "reason"));
    }
}
