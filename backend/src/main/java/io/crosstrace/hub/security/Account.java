package io.crosstrace.hub.security;

import java.util.Set;

/**
 * A user or machine client as stored: who it is, the organization it acts for, its roles, whether it may sign
 * in (disabled accounts and accounts of organizations not approved yet may not), and the password or secret hash.
 */
record Account(String name, Actor.Kind kind, String organizationGln, Set<Role> roles, boolean enabled,
               boolean organizationApproved, String secretHash) {

    boolean maySignIn() {
        return enabled && organizationApproved;
    }

    Actor actor() {
        return new Actor(name, kind, organizationGln, roles);
    }
}
