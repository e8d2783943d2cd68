package io.crosstrace.hub.webhook;

/** Where a delivery stands. Only PENDING deliveries are ever sent; the others are final. */
public enum WebhookDeliveryStatus {
    /** Waiting for its first or next attempt. */
    PENDING,
    /** The receiver answered 2xx. */
    DELIVERED,
    /** Every allowed attempt failed; a replay sends it again as a new delivery. */
    FAILED,
    /** Its subscription was deleted before it was delivered. */
    CANCELLED
}
