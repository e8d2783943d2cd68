package io.crosstrace.hub.webhook;

import static io.crosstrace.hub.graphdb.GraphValues.dateTime;
import static io.crosstrace.hub.graphdb.GraphValues.str;
import static io.crosstrace.hub.graphdb.GraphValues.strings;

import java.time.OffsetDateTime;
import java.util.List;

import org.neo4j.driver.Value;

import io.crosstrace.hub.graphql.GlobalId;

/** An organization's subscription as partners see it: never with its secret. */
record WebhookSubscription(String key, String organizationGln, String url, List<WebhookEventType> events,
        String description, boolean active, OffsetDateTime createdAt) {

    static final String TYPE = "WebhookSubscription";
    /** Binds {@code s} and its organization {@code o}; leaves the secret out on purpose. */
    static final String PROJECTION = "s{.id, .url, .events, .description, .active, .createdAt, organizationGln: o.gln}";

    public String id() {
        return GlobalId.of(TYPE, key);
    }

    static WebhookSubscription from(Value v) {
        return new WebhookSubscription(str(v, "id"), str(v, "organizationGln"), str(v, "url"),
                strings(v, "events").stream().map(WebhookEventType::valueOf).toList(), str(v, "description"),
                v.get("active").asBoolean(false), dateTime(v, "createdAt"));
    }
}
