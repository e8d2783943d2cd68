package io.crosstrace.hub.code;

import io.crosstrace.hub.graphql.BadInputException;

/** A request to issue codes that breaks a rule the caller can fix; names the input field and a stable code. */
public class CodeIssueRejectedException extends BadInputException {

    /** Why a request was rejected, and which input field it concerns. */
    public enum Reason {
        COUNT_OUT_OF_RANGE("count"),
        INVALID_IDEMPOTENCY_KEY("idempotencyKey"),
        IDEMPOTENCY_KEY_REUSED("idempotencyKey"),
        /** The batch's product, premises or producer is not approved: nothing unapproved gets codes. */
        BATCH_NOT_APPROVED("batch"),
        /** Only the producer of a batch issues its codes. */
        NOT_YOUR_BATCH("batch");

        private final String field;

        Reason(String field) {
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private final Reason reason;

    public CodeIssueRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
