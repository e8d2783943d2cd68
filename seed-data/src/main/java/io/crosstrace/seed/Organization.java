package io.crosstrace.seed;

import java.util.List;

import io.crosstrace.gs1.Gln;

/** A party in the chain. {@code gs1CompanyPrefix} is set for brand owners only. */
public record Organization(Gln gln, String name, String nameZh, String country, List<OrganizationRole> roles,
                           String gs1CompanyPrefix) {

    public Organization {
        roles = List.copyOf(roles);
    }

    public boolean has(OrganizationRole role) {
        return roles.contains(role);
    }
}
