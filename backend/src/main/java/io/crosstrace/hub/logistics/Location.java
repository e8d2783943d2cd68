package io.crosstrace.hub.logistics;

import static io.crosstrace.hub.graphdb.GraphValues.dbl;
import static io.crosstrace.hub.graphdb.GraphValues.str;

import org.neo4j.driver.Value;

import io.crosstrace.hub.graphql.GlobalId;

/** A port or compliance centre, identified by its GLN. */
public record Location(String gln, String name, String nameZh, String kind, String country, String city,
        Double latitude, Double longitude) {

    public static final String TYPE = "Location";

    public String id() {
        return GlobalId.of(TYPE, gln);
    }

    public static Location from(Value v) {
        return new Location(str(v, "gln"), str(v, "name"), str(v, "nameZh"), str(v, "kind"), str(v, "country"),
                str(v, "city"), dbl(v, "latitude"), dbl(v, "longitude"));
    }
}
