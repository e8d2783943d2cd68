package io.crosstrace.hub.webhook;

import io.crosstrace.hub.graphql.BadInputException;

/** A webhook request that breaks a rule the caller can fix; names the input field and a stable code. */
public class WebhookRejectedException extends BadInputException {

    /** Why a request was rejected, and which input field it concerns (null: none in particular). */
    public enum Reason {
        /** Not an absolute http(s) URL, has user info or a fragment, or is too long. */
        INVALID_URL("url"),
        /** The URL is well formed but its host is not one the hub may call (private address, plain http). */
        URL_NOT_ALLOWED("url"),
        /** No event type to subscribe to. */
        NO_EVENTS("events"),
        DESCRIPTION_TOO_LONG("description"),
        INVALID_IDEMPOTENCY_KEY("idempotencyKey"),
        /** The key was used before for a subscription with other settings. */
        IDEMPOTENCY_KEY_REUSED("idempotencyKey"),
        /** The organization has as many active subscriptions as it may. */
        TOO_MANY_SUBSCRIPTIONS(null),
        /** The caller's organization is not in the registry. */
        ORGANIZATION_NOT_FOUND(null),
        /** Malformed, unknown, or another organization's: the caller cannot tell which. */
        SUBSCRIPTION_NOT_FOUND("subscription"),
        /** Malformed, unknown, or another organization's: the caller cannot tell which. */
        DELIVERY_NOT_FOUND("delivery"),
        /** The delivery's subscription was deleted, so there is nobody to send it to. */
        SUBSCRIPTION_DELETED("delivery");

        private final String field;

        Reason(String field) {
            this.field = field;
        }

        /** The input field concerned, or null. */
        public String field() {
            return field;
        }
    }

    private final Reason reason;

    public WebhookRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
