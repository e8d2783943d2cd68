package io.crosstrace.hub.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Where other services announce what partners may subscribe to. An event is written as pending deliveries
 * (an outbox) in the caller's own write transaction, one per active subscription of the organizations
 * concerned: a change that rolls back sends nothing, a committed one is never lost, and the
 * {@link WebhookDispatcher} sends it after the commit.
 *
 * <p>The body every receiver gets: {@code {"id": event id, "type": event type, "occurredAt": ISO-8601 UTC,
 * "subject": what it is about, "data": {...}}}. One event keeps its id through retries and replays.
 */
@Service
public class WebhookEvents {

    /** Larger bodies point at a design problem: an event says what changed, receivers query the rest. */
    public static final int MAX_PAYLOAD_BYTES = 64 * 1024;

    private static final Logger log = LoggerFactory.getLogger(WebhookEvents.class);

    private static final String CREATE_DELIVERIES = """
            MATCH (o:Organization)-[:SUBSCRIBES]->(s:WebhookSubscription {active: true})
            WHERE o.gln IN $glns AND $type IN s.events
            CREATE (d:WebhookDelivery {id: randomUUID(), eventId: $eventId, type: $type, subject: $subject,
                                       payload: $payload, status: 'PENDING', attempts: 0, nextAttemptAt: $now,
                                       createdAt: $now})-[:FOR]->(s)
            RETURN count(d) AS deliveries""";

    /** Own mapper: the body is a contract with partners and must not change with the API's JSON settings. */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Neo4jClient neo4j;
    private final WebhookDispatcher dispatcher;
    private final Clock clock;

    WebhookEvents(Neo4jClient neo4j, WebhookDispatcher dispatcher) {
        this.neo4j = neo4j;
        this.dispatcher = dispatcher;
        this.clock = Clock.systemUTC();
    }

    /**
     * Queues the event for every active subscription to {@code type} of these organizations. Call it inside
     * the write transaction that makes the change; it fails when there is none.
     *
     * @param type             what happened
     * @param organizationGlns the organizations to tell, e.g. the importer of a consignment; unknown GLNs and
     *                         organizations without a subscription are skipped
     * @param subject          what it happened to, e.g. the declaration number of the consignment
     * @param data             the event's details, anything Jackson writes as JSON (strings, numbers, booleans,
     *                         lists, maps, java.time values); no personal data, no secrets
     * @throws org.springframework.transaction.IllegalTransactionStateException outside a transaction
     * @throws IllegalArgumentException a blank subject or a body over {@value #MAX_PAYLOAD_BYTES} bytes
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void publish(WebhookEventType type, Collection<String> organizationGlns, String subject,
            Map<String, Object> data) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(organizationGlns, "organizationGlns");
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("A webhook event names its subject");
        }
        List<String> glns = organizationGlns.stream().filter(Objects::nonNull).distinct().toList();
        if (glns.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        String eventId = UUID.randomUUID().toString();
        String payload = body(eventId, type, now, subject, data == null ? Map.of() : data);
        long deliveries = neo4j.query(CREATE_DELIVERIES)
                .bindAll(Map.of("glns", glns, "type", type.name(), "eventId", eventId, "subject", subject,
                        "payload", payload, "now", now))
                .fetchAs(Long.class).mappedBy((types, record) -> record.get("deliveries").asLong()).one().orElse(0L);
        if (deliveries > 0) {
            log.debug("Event {} {} on {}: {} deliveries queued", eventId, type, subject, deliveries);
            dispatcher.wakeUpAfterCommit();
        }
    }

    static String body(String eventId, WebhookEventType type, OffsetDateTime occurredAt, String subject,
            Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", eventId);
        body.put("type", type.name());
        body.put("occurredAt", occurredAt.toInstant().toString());
        body.put("subject", subject);
        body.put("data", data);
        String json = JSON.writeValueAsString(body);
        if (json.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("A webhook event body has at most " + MAX_PAYLOAD_BYTES + " bytes");
        }
        return json;
    }
}
