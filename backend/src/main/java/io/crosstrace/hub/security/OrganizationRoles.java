package io.crosstrace.hub.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which user roles an organization's part in the chain allows: a user can never hold a role its organization
 * does not play (an importer's user cannot become an auditor).
 */
public final class OrganizationRoles {

    private OrganizationRoles() {
    }

    public static Set<Role> allowedFor(Collection<String> organizationRoles) {
        Set<Role> allowed = EnumSet.noneOf(Role.class);
        for (String role : organizationRoles) {
            switch (role) {
                case "PRODUCER" -> allowed.add(Role.PRODUCER);
                case "EXPORTER" -> allowed.add(Role.EXPORTER);
                case "AUDITOR" -> allowed.add(Role.AUDITOR);
                case "PORT_AUTHORITY" -> {
                    allowed.add(Role.INSPECTOR);
                    allowed.add(Role.ANALYST);
                }
                case "IMPORTER" -> allowed.add(Role.IMPORTER);
                case "LOGISTICS" -> allowed.add(Role.LOGISTICS);
                case "PLATFORM" -> {
                    allowed.add(Role.PLATFORM_ADMIN);
                    allowed.add(Role.ANALYST);
                }
                default -> {
                    // An organization role without a user role (none today) grants nothing.
                }
            }
        }
        return allowed;
    }
}
