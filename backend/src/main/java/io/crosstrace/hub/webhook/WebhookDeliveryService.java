package io.crosstrace.hub.webhook;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.crosstrace.hub.graphdb.GraphReads;
import io.crosstrace.hub.graphql.Connection;
import io.crosstrace.hub.graphql.PageRequest;
import io.crosstrace.hub.webhook.WebhookRejectedException.Reason;

/**
 * Lists deliveries with their attempts and replays one. The one way to reach deliveries from the API, so the
 * rule that an organization sees only deliveries to its own subscriptions lives here.
 */
@Service
class WebhookDeliveryService {

    private static final String DELIVERIES = """
            MATCH (o:Organization)-[:SUBSCRIBES]->(s:WebhookSubscription)<-[:FOR]-(d:WebhookDelivery)
            WHERE ($gln IS NULL OR o.gln = $gln)
              AND ($subscription IS NULL OR s.id = $subscription)
              AND ($status IS NULL OR d.status = $status)
            """;
    private static final String ATTEMPTS = """
            MATCH (o:Organization)-[:SUBSCRIBES]->(:WebhookSubscription)<-[:FOR]-(d:WebhookDelivery)-[:ATTEMPTED]->(a)
            WHERE d.id IN $keys AND ($gln IS NULL OR o.gln = $gln)
            RETURN d.id AS key, a{.*} AS a ORDER BY a.at""";
    private static final String REPLAYABLE = """
            MATCH (o:Organization)-[:SUBSCRIBES]->(s:WebhookSubscription)<-[:FOR]-(:WebhookDelivery {id: $id})
            WHERE $gln IS NULL OR o.gln = $gln
            RETURN s.active AS active""";
    /** Same event and body, so receivers that already processed the event can tell by its id. */
    private static final String REPLAY = """
            MATCH (o:Organization)-[:SUBSCRIBES]->(s:WebhookSubscription)<-[:FOR]-(original:WebhookDelivery {id: $id})
            CREATE (d:WebhookDelivery {id: $newId, eventId: original.eventId, type: original.type,
                                       subject: original.subject, payload: original.payload, status: 'PENDING',
                                       attempts: 0, nextAttemptAt: $now, createdAt: $now, replayOf: original.id})
                   -[:FOR]->(s)
            CREATE (d)-[:REPLAYS]->(original)
            RETURN %s AS d""".formatted(WebhookDelivery.PROJECTION);

    private final GraphReads graph;
    private final WebhookDispatcher dispatcher;
    private final Clock clock = Clock.systemUTC();

    private final io.crosstrace.hub.ledger.LedgerService ledger;

    WebhookDeliveryService(GraphReads graph, WebhookDispatcher dispatcher, io.crosstrace.hub.ledger.LedgerService ledger) {
        this.ledger = ledger;
        this.graph = graph;
        this.dispatcher = dispatcher;
    }

    /**
     * Deliveries to the caller's organization's subscriptions (everyone's for platform administrators),
     * newest first; of one subscription and in one status when given. Another organization's subscription
     * has no deliveries for the caller.
     */
    @Transactional(readOnly = true)
    public Connection<WebhookDelivery> deliveries(String subscriptionKey, WebhookDeliveryStatus status, PageRequest page,
            boolean withTotal) {
        Map<String, Object> filters = new HashMap<>();
        filters.put("gln", WebhookAccess.scope(WebhookAccess.require()));
        filters.put("subscription", subscriptionKey);
        filters.put("status", status == null ? null : status.name());
        return graph.page(DELIVERIES, WebhookDelivery.PROJECTION, "d.createdAt DESC, d.id", filters, page, withTotal,
                WebhookDelivery::from);
    }

    /** The attempts of each delivery the caller may see, oldest first, in one statement. */
    @Transactional(readOnly = true)
    public Map<String, List<WebhookAttempt>> attempts(Collection<String> deliveryKeys) {
        Map<String, Object> params = new HashMap<>();
        params.put("gln", WebhookAccess.scope(WebhookAccess.require()));
        params.put("keys", List.copyOf(deliveryKeys));
        return graph.grouped(ATTEMPTS, params, r -> WebhookAttempt.from(r.get("a")));
    }

    /**
     * Sends a delivery's event again, whatever became of it: a new PENDING delivery with the same body and
     * event id, linked to the original, sent as soon as this commits.
     *
     * @throws WebhookRejectedException {@code DELIVERY_NOT_FOUND} (unknown or another organization's),
     *                                  {@code SUBSCRIPTION_DELETED}
     */
    @Transactional
    public WebhookDelivery replay(String deliveryKey) {
        Map<String, Object> params = new HashMap<>();
        params.put("gln", WebhookAccess.scope(WebhookAccess.require()));
        params.put("id", deliveryKey);
        boolean active = graph.one(REPLAYABLE, params, r -> r.get("active").asBoolean(false))
                .orElseThrow(() -> new WebhookRejectedException(Reason.DELIVERY_NOT_FOUND,
                        "No webhook delivery of yours with this ID"));
        if (!active) {
            throw new WebhookRejectedException(Reason.SUBSCRIPTION_DELETED,
                    "The delivery's subscription was deleted; there is nobody to send it to");
        }
        params.put("newId", UUID.randomUUID().toString());
        params.put("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
        WebhookDelivery replay = graph.one(REPLAY, params, r -> WebhookDelivery.from(r.get("d"))).orElseThrow();
        ledger.append("webhook.replay", "WebhookDelivery:" + deliveryKey, Map.of("replay", replay.key()));
        dispatcher.wakeUpAfterCommit();
        return replay;
    }
}
