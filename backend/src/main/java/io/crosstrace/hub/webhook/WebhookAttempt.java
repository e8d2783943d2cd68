package io.crosstrace.hub.webhook;

import static io.crosstrace.hub.graphdb.GraphValues.dateTime;
import static io.crosstrace.hub.graphdb.GraphValues.integer;
import static io.crosstrace.hub.graphdb.GraphValues.str;

import java.time.OffsetDateTime;

import org.neo4j.driver.Value;

/** One request to a receiver, as recorded. */
record WebhookAttempt(OffsetDateTime at, Integer statusCode, String error, long durationMs) {

    static WebhookAttempt from(Value v) {
        return new WebhookAttempt(dateTime(v, "at"), integer(v, "statusCode"), str(v, "error"),
                v.get("durationMs").asLong(0));
    }
}
