package io.crosstrace.hub.webhook;

import static io.crosstrace.hub.graphdb.GraphValues.dateTime;
import static io.crosstrace.hub.graphdb.GraphValues.str;

import java.time.OffsetDateTime;

import org.neo4j.driver.Value;

import io.crosstrace.hub.graphql.GlobalId;

/** One event on its way to one subscription, with where it stands. */
record WebhookDelivery(String key, String eventId, WebhookEventType event, String subject, String payload,
        WebhookDeliveryStatus status, int attemptCount, OffsetDateTime nextAttemptAt, OffsetDateTime createdAt,
        OffsetDateTime deliveredAt, String lastError, String replayOfKey, WebhookSubscription subscription) {

    static final String TYPE = "WebhookDelivery";
    /** Binds {@code d}, its subscription {@code s} and organization {@code o}. */
    static final String PROJECTION = "d{.id, .eventId, .type, .subject, .payload, .status, .attempts, .nextAttemptAt, "
            + ".createdAt, .deliveredAt, .lastError, .replayOf, subscription: " + WebhookSubscription.PROJECTION + "}";

    public String id() {
        return GlobalId.of(TYPE, key);
    }

    /** The delivery this one replays, as a global ID; null for an original. */
    public String replayOf() {
        return replayOfKey == null ? null : GlobalId.of(TYPE, replayOfKey);
    }

    static WebhookDelivery from(Value v) {
        return new WebhookDelivery(str(v, "id"), str(v, "eventId"), WebhookEventType.valueOf(str(v, "type")),
                str(v, "subject"), str(v, "payload"), WebhookDeliveryStatus.valueOf(str(v, "status")),
                v.get("attempts").asInt(0), dateTime(v, "nextAttemptAt"), dateTime(v, "createdAt"),
                dateTime(v, "deliveredAt"), str(v, "lastError"), str(v, "replayOf"),
                WebhookSubscription.from(v.get("subscription")));
    }
}
