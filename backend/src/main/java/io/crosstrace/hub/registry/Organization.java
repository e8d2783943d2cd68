package io.crosstrace.hub.registry;

import static io.crosstrace.hub.graphdb.GraphValues.str;
import static io.crosstrace.hub.graphdb.GraphValues.strings;

import java.util.List;

import org.neo4j.driver.Value;

import io.crosstrace.hub.graphql.GlobalId;

/** A partner in the chain: producer, exporter, auditor, port authority, importer, logistics, platform. */
public record Organization(String gln, String name, String nameZh, String country, List<String> roles,
        String gs1CompanyPrefix, String status) {

    public static final String TYPE = "Organization";

    public String id() {
        return GlobalId.of(TYPE, gln);
    }

    static Organization from(Value v) {
        return new Organization(str(v, "gln"), str(v, "name"), str(v, "nameZh"), str(v, "country"), strings(v, "roles"),
                str(v, "gs1CompanyPrefix"), registrationStatus(v));
    }

    /** Registered before applications existed, or approved: APPROVED; else PENDING or REJECTED. */
    static String registrationStatus(Value v) {
        String status = str(v, "status");
        return status == null ? "APPROVED" : status;
    }
}
