package io.crosstrace.hub.mutation;

import java.util.List;

import io.crosstrace.hub.graphql.UserError;

/**
 * What a mutation did: the object it created or changed, or why it refused.
 *
 * @param value      the object; null when refused
 * @param userErrors why it refused; empty on success
 * @param replayed   true when an earlier call with the same idempotency key had done the work
 */
public record Outcome<T>(T value, List<UserError> userErrors, boolean replayed) {

    public static <T> Outcome<T> done(T value) {
        return new Outcome<>(value, List.of(), false);
    }

    public static <T> Outcome<T> refused(List<UserError> errors) {
        return new Outcome<>(null, errors, false);
    }

    public boolean ok() {
        return userErrors.isEmpty();
    }
}
