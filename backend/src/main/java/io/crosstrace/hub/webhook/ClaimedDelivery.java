package io.crosstrace.hub.webhook;

/**
 * A delivery this instance has leased and is about to send.
 *
 * @param id             the delivery's id (header {@code X-CrossTrace-Delivery})
 * @param type           the event type (header {@code X-CrossTrace-Event})
 * @param payload        the JSON body, sent byte for byte as stored
 * @param attempts       attempts made before this one
 * @param subscriptionId the subscription it goes to
 * @param url            the subscription's URL
 * @param secret         the subscription's signing secret
 * @param leaseToken     proves, when the outcome is recorded, that the lease is still this instance's
 */
record ClaimedDelivery(String id, String type, String payload, int attempts, String subscriptionId, String url,
        String secret, String leaseToken) {

    @Override
    public String toString() {
        // Never the secret: claimed deliveries appear in log lines.
        return "ClaimedDelivery[" + id + " " + type + " to " + subscriptionId + ", attempt " + (attempts + 1) + "]";
    }
}
