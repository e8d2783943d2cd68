package io.crosstrace.hub.webhook;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.crosstrace.hub.graphdb.GraphReads;
import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.webhook.WebhookRejectedException.Reason;

/**
 * Creates, lists and deletes webhook subscriptions: {@code (:Organization)-[:SUBSCRIBES]->(:WebhookSubscription)}.
 * The one way to manage them, so the rules of who may see and change which subscription live here.
 */
@Service
class WebhookSubscriptionService {

    static final int MAX_DESCRIPTION_LENGTH = 500;
    static final int MAX_IDEMPOTENCY_KEY_LENGTH = 100;
    private static final int SECRET_BYTES = 32;
    static final String SECRET_PREFIX = "whsec_";

    private static final String ORGANIZATION_EXISTS = "MATCH (o:Organization {gln: $gln}) RETURN count(o)";
    private static final String ACTIVE_COUNT = """
            MATCH (:Organization {gln: $gln})-[:SUBSCRIBES]->(s:WebhookSubscription {active: true})
            RETURN count(s)""";
    private static final String BY_IDEMPOTENCY_KEY = """
            MATCH (o:Organization)-[:SUBSCRIBES]->(s:WebhookSubscription {idempotencyKey: $key})
            RETURN %s AS s, s.secret AS secret""".formatted(WebhookSubscription.PROJECTION);
    private static final String CREATE = """
            MATCH (o:Organization {gln: $gln})
            CREATE (o)-[:SUBSCRIBES]->(s:WebhookSubscription {id: $id, url: $url, events: $events,
                   description: $description, secret: $secret, active: true, createdAt: $now})
            RETURN %s AS s, s.secret AS secret, true AS created""".formatted(WebhookSubscription.PROJECTION);
    /**
     * Claims the idempotency key: with the uniqueness constraint on it, a concurrent call with the same key waits
     * here until the first commits and then finds its subscription ({@code created} false).
     */
    private static final String CREATE_ONCE = """
            MATCH (o:Organization {gln: $gln})
            MERGE (s:WebhookSubscription {idempotencyKey: $key})
              ON CREATE SET s.id = $id, s.url = $url, s.events = $events, s.description = $description,
                            s.secret = $secret, s.active = true, s.createdAt = $now
            MERGE (o)-[:SUBSCRIBES]->(s)
            RETURN %s AS s, s.secret AS secret, s.id = $id AS created""".formatted(WebhookSubscription.PROJECTION);
    private static final String LIST = """
            MATCH (o:Organization)-[:SUBSCRIBES]->(s:WebhookSubscription {active: true})
            WHERE $gln IS NULL OR o.gln = $gln
            RETURN %s AS s ORDER BY s.createdAt DESC, s.id""".formatted(WebhookSubscription.PROJECTION);
    /** Deactivates rather than deletes, so the delivery history stays; pending deliveries are cancelled. */
    private static final String DEACTIVATE = """
            MATCH (o:Organization)-[:SUBSCRIBES]->(s:WebhookSubscription {id: $id, active: true})
            WHERE $gln IS NULL OR o.gln = $gln
            SET s.active = false, s.deletedAt = $now
            REMOVE s.secret
            WITH o, s
            OPTIONAL MATCH (s)<-[:FOR]-(d:WebhookDelivery {status: 'PENDING'})
            SET d.status = 'CANCELLED', d.nextAttemptAt = null
            WITH o, s, count(d) AS cancelled
            RETURN %s AS s""".formatted(WebhookSubscription.PROJECTION);

    private final GraphReads graph;
    private final WebhookSettings settings;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();

    private final io.crosstrace.hub.ledger.LedgerService ledger;

    WebhookSubscriptionService(GraphReads graph, WebhookSettings settings, io.crosstrace.hub.ledger.LedgerService ledger) {
        this.ledger = ledger;
        this.graph = graph;
        this.settings = settings;
    }

    /**
     * Subscribes the caller's organization to {@code events} at {@code url}, and returns the signing secret:
     * the only time it is handed out. A retry with the same {@code idempotencyKey} (per organization) and the
     * same settings returns the first call's subscription and secret, since the first answer may have been lost.
     *
     * @throws WebhookRejectedException a rule the input breaks; see {@link Reason}
     */
    @Transactional
    public SubscriptionCreated create(String url, Collection<WebhookEventType> events, String description,
            String idempotencyKey) {
        Actor actor = WebhookAccess.require();
        String gln = actor.organizationGln();
        String target = settings.current().targetGuard().check(url).toString();
        EnumSet<WebhookEventType> types = events == null || events.isEmpty() ? EnumSet.noneOf(WebhookEventType.class)
                : EnumSet.copyOf(events);
        if (types.isEmpty()) {
            throw new WebhookRejectedException(Reason.NO_EVENTS, "Subscribe to at least one event type");
        }
        String text = description == null || description.isBlank() ? null : description.strip();
        if (text != null && text.length() > MAX_DESCRIPTION_LENGTH) {
            throw new WebhookRejectedException(Reason.DESCRIPTION_TOO_LONG,
                    "A description has at most " + MAX_DESCRIPTION_LENGTH + " characters");
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY_LENGTH)) {
            throw new WebhookRejectedException(Reason.INVALID_IDEMPOTENCY_KEY,
                    "An idempotency key has 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH + " characters, not only blanks");
        }
        if (graph.count(ORGANIZATION_EXISTS, Map.of("gln", gln)) == 0) {
            throw new WebhookRejectedException(Reason.ORGANIZATION_NOT_FOUND,
                    "Your organization " + gln + " is not in the registry");
        }
        Map<String, Object> params = new HashMap<>();
        params.put("gln", gln);
        params.put("id", UUID.randomUUID().toString());
        params.put("url", target);
        params.put("events", types.stream().map(Enum::name).toList());
        params.put("description", text);
        params.put("secret", newSecret());
        params.put("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
        if (idempotencyKey != null) {
            // Scoped to the organization, so one organization's keys never meet another's.
            params.put("key", gln + "|" + idempotencyKey);
            Optional<SubscriptionCreated> earlier = graph.one(BY_IDEMPOTENCY_KEY, params,
                    r -> new SubscriptionCreated(WebhookSubscription.from(r.get("s")), secretOf(r.get("secret")), true));
            if (earlier.isPresent()) {
                return sameRequestOrReject(earlier.get(), target, types, text);
            }
        }
        long active = graph.count(ACTIVE_COUNT, Map.of("gln", gln));
        int allowed = settings.current().maxSubscriptionsPerOrganization();
        if (active >= allowed) {
            throw new WebhookRejectedException(Reason.TOO_MANY_SUBSCRIPTIONS,
                    "An organization has at most " + allowed + " webhook subscriptions; delete one first");
        }
        SubscriptionCreated created = graph.one(idempotencyKey == null ? CREATE : CREATE_ONCE, params,
                r -> new SubscriptionCreated(WebhookSubscription.from(r.get("s")), secretOf(r.get("secret")),
                        !r.get("created").asBoolean())).orElseThrow();
        if (created.replayed()) {
            return sameRequestOrReject(created, target, types, text);
        }
        ledger.append("webhook.subscribe", "WebhookSubscription:" + created.subscription().key(),
                Map.of("url", target, "events", types.stream().map(Enum::name).toList()));
        return created;
    }

    /** The organization's active subscriptions (everyone's for platform administrators), newest first. */
    @Transactional(readOnly = true)
    public List<WebhookSubscription> subscriptions() {
        Map<String, Object> params = new HashMap<>();
        params.put("gln", WebhookAccess.scope(WebhookAccess.require()));
        return graph.list(LIST, params, r -> WebhookSubscription.from(r.get("s")));
    }

    /**
     * Deletes a subscription: nothing more is sent to it, its pending deliveries are cancelled and its secret is
     * forgotten; its delivery history stays listable.
     *
     * @throws WebhookRejectedException {@code SUBSCRIPTION_NOT_FOUND}: unknown, already deleted, or another
     *                                  organization's
     */
    @Transactional
    public WebhookSubscription delete(String subscriptionKey) {
        Map<String, Object> params = new HashMap<>();
        params.put("gln", WebhookAccess.scope(WebhookAccess.require()));
        params.put("id", subscriptionKey);
        params.put("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
        WebhookSubscription deleted = graph.one(DEACTIVATE, params, r -> WebhookSubscription.from(r.get("s")))
                .orElseThrow(() -> new WebhookRejectedException(Reason.SUBSCRIPTION_NOT_FOUND,
                        "No webhook subscription of yours with this ID"));
        ledger.append("webhook.unsubscribe", "WebhookSubscription:" + deleted.key(), Map.of("url", deleted.url()));
        return deleted;
    }

    private static SubscriptionCreated sameRequestOrReject(SubscriptionCreated earlier, String url,
            EnumSet<WebhookEventType> events, String description) {
        WebhookSubscription s = earlier.subscription();
        boolean same = s.url().equals(url) && EnumSet.copyOf(s.events()).equals(events)
                && Objects.equals(s.description(), description);
        if (!same) {
            throw new WebhookRejectedException(Reason.IDEMPOTENCY_KEY_REUSED, "The idempotency key was already used "
                    + "to create a subscription with other settings; use a new key for a different request");
        }
        return earlier;
    }

    private String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String secretOf(Value value) {
        return value.isNull() ? null : value.asString();
    }

    /**
     * A subscription with its secret.
     *
     * @param secret   the signing secret; null only when a retry finds the subscription deleted meanwhile
     * @param replayed true when this is the answer of an earlier call with the same idempotency key
     */
    record SubscriptionCreated(WebhookSubscription subscription, String secret, boolean replayed) {

        @Override
        public String toString() {
            return "SubscriptionCreated[" + subscription + ", replayed=" + replayed + "]";
        }
    }
}
