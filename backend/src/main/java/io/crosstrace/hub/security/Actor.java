package io.crosstrace.hub.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who is calling a service: a partner's user, a partner system's machine client, or an anonymous consumer.
 * Services take their authorization decisions from this alone, so the GraphQL API, the REST endpoints and
 * the Vaadin workspace obey the same rules.
 *
 * @param subject         the username or client id; {@code "anonymous"} for anonymous callers
 * @param kind            user, machine client or anonymous
 * @param organizationGln the GLN of the organization it acts for; null only when anonymous
 * @param roles           what it may do; empty when anonymous
 */
public record Actor(String subject, Kind kind, String organizationGln, Set<Role> roles) {

    public enum Kind { USER, CLIENT, ANONYMOUS }

    public static final Actor ANONYMOUS = new Actor("anonymous", Kind.ANONYMOUS, null, Set.of());

    public Actor {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(kind, "kind");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        if (kind != Kind.ANONYMOUS && organizationGln == null) {
            throw new IllegalArgumentException("A user or client acts for an organization");
        }
    }

    public static Actor user(String username, String organizationGln, Role... roles) {
        return new Actor(username, Kind.USER, organizationGln, Set.copyOf(Arrays.asList(roles)));
    }

    public static Actor client(String clientId, String organizationGln, Role... roles) {
        return new Actor(clientId, Kind.CLIENT, organizationGln, Set.copyOf(Arrays.asList(roles)));
    }

    public boolean isAnonymous() {
        return kind == Kind.ANONYMOUS;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... any) {
        for (Role role : any) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** True when it acts for the organization with this GLN. */
    public boolean actsFor(String gln) {
        return organizationGln != null && organizationGln.equals(gln);
    }

    /** Reads everything (platform administrators and analysts). */
    public boolean readsEverything() {
        return hasAny(Role.PLATFORM_ADMIN, Role.ANALYST);
    }
}
