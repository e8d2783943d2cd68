package io.crosstrace.hub.security;

/**
 * Filters of the user list; every field is optional.
 *
 * @param text            part of the username (case-insensitive)
 * @param organizationGln users of this organization
 * @param role            users holding this role
 * @param enabled         only enabled ({@code true}) or only disabled ({@code false}) users
 */
public record UserFilter(String text, String organizationGln, Role role, Boolean enabled) {

    public static UserFilter none() {
        return new UserFilter(null, null, null, null);
    }
}
