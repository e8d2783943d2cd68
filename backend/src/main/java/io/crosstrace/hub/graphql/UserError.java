package io.crosstrace.hub.graphql;

import java.util.List;

/**
 * A rule the input of a mutation broke, returned in the payload's {@code userErrors} rather than as a GraphQL
 * error: the caller can fix it and try again.
 *
 * @param field   path to the input field concerned, e.g. {@code ["input", "count"]}; null for none in particular
 * @param message what went wrong, in English
 * @param code    stable machine-readable code
 */
public record UserError(List<String> field, String message, String code) {

    public static UserError of(String code, String message, String... field) {
        return new UserError(field.length == 0 ? null : List.of(field), message, code);
    }
}
