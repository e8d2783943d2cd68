package io.crosstrace.hub.registry;

import static io.crosstrace.hub.graphdb.GraphValues.str;
import static io.crosstrace.hub.graphdb.GraphValues.strings;

import java.util.List;

import org.neo4j.driver.Value;

import io.crosstrace.hub.graphql.GlobalId;

/** A partner in the chain: producer, exporter, auditor, port authority, importer, logistics, platform. */
public record Organization(String gln, String name, String nameZh, String country, List<String> roles,
        String gs1CompanyPrefix) {

    public static final String TYPE = "Organization";

    public String id() {
        return GlobalId.of(TYPE, gln);
    }

    static Organization from(Value v) {
        return new Organization(str(v, "gln"), str(v, "name"), str(v, "nameZh"), str(v, "country"), strings(v, "roles"),
                str(v, "gs1CompanyPrefix"));
    }
}
