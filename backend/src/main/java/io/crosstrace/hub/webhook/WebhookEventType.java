package io.crosstrace.hub.webhook;

/** What a partner system can subscribe to. The names are part of the webhook contract: never rename one. */
public enum WebhookEventType {
    /** A consignment moved to another status (e.g. held, released at the port). */
    CONSIGNMENT_STATUS_CHANGED,
    /** A traceability certificate was revoked. */
    CERTIFICATE_REVOKED,
    /** A recall was issued for batches of a product. */
    RECALL_ISSUED
}
