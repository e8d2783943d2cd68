package io.crosstrace.hub.registry;

import static io.crosstrace.hub.graphdb.GraphValues.dbl;
import static io.crosstrace.hub.graphdb.GraphValues.str;

import org.neo4j.driver.Value;

import io.crosstrace.hub.graphql.GlobalId;

/**
 * A production site abroad, registered with the import customs authority.
 *
 * @param operatorGln the producer that operates it (resolved to an object by the API)
 */
public record Premises(String gln, String name, String nameZh, String address, String city, String country,
        Double latitude, Double longitude, String registrationNumber, String operatorGln, String status) {

    public static final String TYPE = "Premises";

    public String id() {
        return GlobalId.of(TYPE, gln);
    }

    /** Returns {@code premises{.*, operatorGln: …}} projections as records. */
    static Premises from(Value v) {
        return new Premises(str(v, "gln"), str(v, "name"), str(v, "nameZh"), str(v, "address"), str(v, "city"),
                str(v, "country"), dbl(v, "latitude"), dbl(v, "longitude"), str(v, "registrationNumber"),
                str(v, "operatorGln"), Organization.registrationStatus(v));
    }
}
