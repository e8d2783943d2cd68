package io.crosstrace.hub.webhook;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Value;

/**
 * The dispatcher's reads and writes of deliveries. It talks to the driver directly, in managed transactions
 * that the driver retries on deadlocks and leader changes, because this is background work: it must not join
 * a caller's transaction, nor count as statements of the API.
 */
class DeliveryStore {

    /**
     * Due deliveries of active subscriptions, oldest due first, at most {@code $room[subscription]} per
     * subscription so one busy receiver does not take all of a batch.
     */
    private static final String DUE = """
            MATCH (d:WebhookDelivery {status: 'PENDING'})
            WHERE d.nextAttemptAt <= $now AND (d.leaseUntil IS NULL OR d.leaseUntil <= $now)
            MATCH (d)-[:FOR]->(s:WebhookSubscription {active: true})
            WITH s, d, $perSubscription - coalesce($inFlight[s.id], 0) AS room
            WHERE room > 0
            WITH s, room, d ORDER BY d.nextAttemptAt, d.id
            WITH s, room, collect(d) AS due
            UNWIND due[..room] AS d
            RETURN d.id AS id ORDER BY d.nextAttemptAt, d.id LIMIT $limit""";

    /**
     * Leases the candidates that are still free. Writing a property first takes the node's write lock, so when
     * another instance is leasing the same delivery this waits for it to commit and then reads its lease: the
     * check after the lock sees committed state, the one before it may not (Neo4j reads committed data).
     */
    static final String LEASE = """
            UNWIND $ids AS id
            MATCH (d:WebhookDelivery {id: id})
            SET d._LOCK_ = true
            WITH d, d.status = 'PENDING' AND (d.leaseUntil IS NULL OR d.leaseUntil <= $now) AS free
            REMOVE d._LOCK_
            WITH d WHERE free
            MATCH (d)-[:FOR]->(s:WebhookSubscription {active: true})
            SET d.leaseOwner = $owner, d.leaseUntil = $leaseUntil, d.leaseToken = $token
            RETURN d.id AS id, d.type AS type, d.payload AS payload, d.attempts AS attempts,
                   s.id AS subscriptionId, s.url AS url, s.secret AS secret
            ORDER BY d.nextAttemptAt, d.id""";

    /**
     * Keeps the attempt in any case; moves the delivery on only while the lease is still ours (otherwise another
     * instance took it over and records its own outcome), and its status only while PENDING (a subscription
     * deleted meanwhile cancelled it).
     */
    private static final String RECORD = """
            MATCH (d:WebhookDelivery {id: $id})
            CREATE (d)-[:ATTEMPTED]->(:WebhookAttempt {at: $at, statusCode: $statusCode, error: $error,
                                                      durationMs: $durationMs})
            WITH d WHERE d.leaseToken = $token
            SET d.attempts = d.attempts + 1, d.lastAttemptAt = $at
            REMOVE d.leaseOwner, d.leaseUntil, d.leaseToken
            WITH d WHERE d.status = 'PENDING'
            SET d.status = $status, d.nextAttemptAt = $nextAttemptAt, d.lastError = $error,
                d.deliveredAt = CASE WHEN $status = 'DELIVERED' THEN $at ELSE null END""";

    private final Driver driver;
    private final SessionConfig sessionConfig;
    /** Names this instance in leases, for whoever looks at a stuck delivery. */
    private final String owner;

    DeliveryStore(Driver driver, String database) {
        this.driver = driver;
        this.sessionConfig = database == null || database.isBlank() ? SessionConfig.defaultConfig()
                : SessionConfig.forDatabase(database);
        this.owner = instanceName();
    }

    /**
     * Leases up to {@code limit} due deliveries until {@code now + lease}.
     *
     * @param inFlight        requests this instance has in flight, per subscription id
     * @param perSubscription the most requests in flight to one subscription
     */
    List<ClaimedDelivery> claim(int limit, Map<String, Integer> inFlight, int perSubscription, Instant now,
            Duration lease) {
        String token = UUID.randomUUID().toString();
        Map<String, Object> due = new HashMap<>();
        due.put("now", utc(now));
        due.put("limit", limit);
        due.put("perSubscription", perSubscription);
        due.put("inFlight", Map.copyOf(inFlight));
        try (Session session = driver.session(sessionConfig)) {
            return session.executeWrite(tx -> {
                List<String> ids = tx.run(DUE, due).list(r -> r.get("id").asString());
                if (ids.isEmpty()) {
                    return List.of();
                }
                Map<String, Object> leasing = Map.of("ids", ids, "now", utc(now), "owner", owner,
                        "leaseUntil", utc(now.plus(lease)), "token", token);
                return tx.run(LEASE, leasing).list(r -> new ClaimedDelivery(r.get("id").asString(),
                        r.get("type").asString(), r.get("payload").asString(), r.get("attempts").asInt(),
                        r.get("subscriptionId").asString(), r.get("url").asString(), text(r.get("secret")), token));
            });
        }
    }

    /** Records an attempt and where it leaves the delivery ({@code nextAttemptAt} null unless PENDING). */
    void record(ClaimedDelivery delivery, AttemptOutcome outcome, WebhookDeliveryStatus status, Instant nextAttemptAt) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", delivery.id());
        params.put("token", delivery.leaseToken());
        params.put("at", utc(outcome.at()));
        params.put("statusCode", outcome.statusCode());
        params.put("error", outcome.error());
        params.put("durationMs", outcome.duration().toMillis());
        params.put("status", status.name());
        params.put("nextAttemptAt", nextAttemptAt == null ? null : utc(nextAttemptAt));
        try (Session session = driver.session(sessionConfig)) {
            session.executeWriteWithoutResult(tx -> tx.run(RECORD, params).consume());
        }
    }

    private static String text(Value value) {
        return value.isNull() ? null : value.asString();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** Host, process and a random part (a restart is another owner); no DNS lookup, which can stall a start. */
    private static String instanceName() {
        String host = System.getenv().getOrDefault("HOSTNAME", "hub");
        return host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }
}
