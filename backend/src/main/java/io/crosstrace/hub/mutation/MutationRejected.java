package io.crosstrace.hub.mutation;

import java.util.List;

import io.crosstrace.hub.graphql.UserError;

/**
 * Thrown inside a mutation's transaction when the input breaks a rule: the transaction rolls back (nothing is
 * half-written, the idempotency key stays free) and the caller gets the errors in {@code userErrors}.
 */
public class MutationRejected extends RuntimeException {

    private final transient List<UserError> errors;

    public MutationRejected(UserError... errors) {
        super(errors.length == 0 ? "rejected" : errors[0].message(), null, false, false);
        this.errors = List.of(errors);
    }

    public MutationRejected(String code, String message, String... field) {
        this(UserError.of(code, message, field));
    }

    public List<UserError> errors() {
        return errors;
    }
}
