package io.crosstrace.hub.webhook;

import static io.crosstrace.hub.webhook.WebhookFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.crosstrace.hub.HubIntegrationTest;
import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.CurrentActor;
import io.crosstrace.hub.security.Role;
import io.crosstrace.hub.webhook.WebhookSubscriptionService.SubscriptionCreated;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The outbox and the dispatcher, end to end: events published in transactions reach a real HTTP receiver. */
@HubIntegrationTest
class WebhookDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    WebhookEvents events;
    @Autowired
    WebhookSubscriptionService subscriptions;
    @Autowired
    WebhookSettings settings;
    @Autowired
    Driver driver;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    Neo4jClient neo4j;

    private WebhookProperties configured;
    private WebhookReceiver receiver;
    private String gln;
    private Actor importer;

    @BeforeEach
    void fastDeliveriesToAFreshOrganization() {
        configured = settings.replace(WebhookFixture.fast(settings.current()));
        receiver = WebhookReceiver.start();
        gln = WebhookFixture.freshOrganization(driver, "Delivery Test Importer");
        importer = Actor.user("imp1", gln, Role.IMPORTER);
    }

    @AfterEach
    void restore() {
        receiver.close();
        settings.replace(configured);
    }

    @Test
    void a_committed_event_reaches_the_receiver_signed_with_the_subscription_secret() {
        SubscriptionCreated subscription = subscribe(receiver.url(), WebhookEventType.CERTIFICATE_REVOKED);
        subscribe(receiver.url(), WebhookEventType.RECALL_ISSUED); // another type: gets nothing
        String subject = "CERT-" + UUID.randomUUID();

        inTransaction(() -> events.publish(WebhookEventType.CERTIFICATE_REVOKED, List.of(gln), subject,
                Map.of("certificateNumber", subject, "reason", "Sampling failed")));

        WebhookReceiver.Received request = receiver.next(WAIT);
        assertThat(request).as("request received").isNotNull();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("X-CrossTrace-Event")).isEqualTo("CERTIFICATE_REVOKED");
        assertThat(WebhookSignature.verify(subscription.secret(), request.header("X-CrossTrace-Signature"),
                request.body(), Instant.now(), WebhookSignature.DEFAULT_TOLERANCE)).as("signature valid").isTrue();
        assertThat(WebhookSignature.verify(subscription.secret() + "x", request.header("X-CrossTrace-Signature"),
                request.body(), Instant.now(), WebhookSignature.DEFAULT_TOLERANCE)).isFalse();
        JsonNode body = JsonMapper.builder().build().readTree(request.body());
        assertThat(body.get("type").asString()).isEqualTo("CERTIFICATE_REVOKED");
        assertThat(body.get("subject").asString()).isEqualTo(subject);
        assertThat(body.get("data").get("reason").asString()).isEqualTo("Sampling failed");
        assertThat(body.get("id").asString()).isNotBlank();
        assertThat(Instant.parse(body.get("occurredAt").asString())).isBefore(Instant.now().plusSeconds(1));

        Record delivery = await(WAIT, () -> deliveryOf(subject), d -> d.get("status").asString().equals("DELIVERED"));
        assertThat(request.header("X-CrossTrace-Delivery")).isEqualTo(delivery.get("id").asString());
        assertThat(delivery.get("eventId").asString()).isEqualTo(body.get("id").asString());
        assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
        assertThat(delivery.get("statusCodes").asList(v -> v.asInt())).containsExactly(200);
        assertThat(delivery.get("leaseToken").isNull()).as("lease released").isTrue();
        assertThat(deliveriesOf(subject)).as("one delivery: the RECALL_ISSUED subscription is not told").isEqualTo(1);
        assertThat(receiver.next(Duration.ofMillis(500))).as("sent once").isNull();
    }

    @Test
    void a_rolled_back_change_sends_nothing() {
        subscribe(receiver.url(), WebhookEventType.RECALL_ISSUED);
        String subject = "RECALL-" + UUID.randomUUID();

        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            neo4j.query("CREATE (:WebhookTestChange {subject: $subject})").bind(subject).to("subject").run();
            events.publish(WebhookEventType.RECALL_ISSUED, List.of(gln), subject, Map.of("recall", subject));
            status.setRollbackOnly();
        });
        assertThatThrownBy(() -> inTransaction(() -> {
            events.publish(WebhookEventType.RECALL_ISSUED, List.of(gln), subject, Map.of("recall", subject));
            throw new IllegalStateException("the change failed after publishing");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(deliveriesOf(subject)).isZero();
        assertThat(driver.executableQuery("MATCH (c:WebhookTestChange {subject: $subject}) RETURN count(c) AS n")
                .withParameters(Map.of("subject", subject)).execute().records().getFirst().get("n").asLong())
                .as("the change itself rolled back too").isZero();
        assertThat(receiver.next(Duration.ofSeconds(1))).isNull();
    }

    @Test
    void publishing_outside_a_transaction_fails_loudly() {
        assertThatThrownBy(() -> events.publish(WebhookEventType.RECALL_ISSUED, List.of(gln), "RECALL-x", Map.of()))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void only_the_organizations_named_are_told() {
        subscribe(receiver.url(), WebhookEventType.CONSIGNMENT_STATUS_CHANGED);
        String other = WebhookFixture.freshOrganization(driver, "Bystander");
        CurrentActor.runAs(Actor.user("imp2", other, Role.IMPORTER), () -> subscriptions.create(receiver.url(),
                Set.of(WebhookEventType.CONSIGNMENT_STATUS_CHANGED), null, null));
        String subject = "DECL-" + UUID.randomUUID();

        inTransaction(() -> events.publish(WebhookEventType.CONSIGNMENT_STATUS_CHANGED, List.of(gln, "0000000000000"),
                subject, Map.of("status", "RELEASED")));

        await(WAIT, () -> deliveryOf(subject), d -> d.get("status").asString().equals("DELIVERED"));
        assertThat(deliveriesOf(subject)).isEqualTo(1);
    }

    @Test
    void a_receiver_that_fails_twice_gets_it_on_the_third_attempt_after_growing_waits() {
        receiver.thenAnswer(500, 503);
        subscribe(receiver.url(), WebhookEventType.RECALL_ISSUED);
        String subject = "RECALL-" + UUID.randomUUID();

        inTransaction(() -> events.publish(WebhookEventType.RECALL_ISSUED, List.of(gln), subject, Map.of()));

        Record delivery = await(WAIT, () -> deliveryOf(subject), d -> d.get("status").asString().equals("DELIVERED"));
        assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
        assertThat(delivery.get("statusCodes").asList(v -> v.asInt())).containsExactly(500, 503, 200);
        assertThat(delivery.get("errors").asList(v -> v.isNull() ? null : v.asString()))
                .containsExactly("HTTP 500", "HTTP 503", null);
        assertThat(delivery.get("nextAttemptAt").isNull()).isTrue();
        assertThat(delivery.get("deliveredAt").isNull()).isFalse();

        List<WebhookReceiver.Received> requests = receiver.all();
        assertThat(requests).hasSize(3);
        assertThat(requests).extracting(r -> r.header("X-CrossTrace-Delivery")).containsOnly(delivery.get("id").asString());
        assertThat(requests).extracting(WebhookReceiver.Received::body).containsOnly(requests.getFirst().body());
        // Backoff 100 ms, then 200 ms, each jittered to between half and all of it.
        assertThat(Duration.between(requests.get(0).at(), requests.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(50));
        assertThat(Duration.between(requests.get(1).at(), requests.get(2).at())).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    }

    @Test
    void a_receiver_that_always_fails_leaves_the_delivery_failed_after_the_last_attempt() {
        receiver.alwaysAnswer(500);
        subscribe(receiver.url(), WebhookEventType.RECALL_ISSUED);
        String subject = "RECALL-" + UUID.randomUUID();

        inTransaction(() -> events.publish(WebhookEventType.RECALL_ISSUED, List.of(gln), subject, Map.of()));

        Record delivery = await(WAIT, () -> deliveryOf(subject), d -> d.get("status").asString().equals("FAILED"));
        assertThat(delivery.get("attempts").asInt()).isEqualTo(4);
        assertThat(delivery.get("statusCodes").asList(v -> v.asInt())).containsExactly(500, 500, 500, 500);
        assertThat(delivery.get("lastError").asString()).isEqualTo("HTTP 500");
        assertThat(delivery.get("nextAttemptAt").isNull()).isTrue();
        sleep(Duration.ofMillis(800)); // longer than the longest backoff: a fifth attempt would have come
        assertThat(receiver.all()).hasSize(4);
    }

    @Test
    void an_unreachable_receiver_is_recorded_with_the_reason() {
        String closedPort;
        try (WebhookReceiver gone = WebhookReceiver.start()) {
            closedPort = gone.url();
        }
        subscribe(closedPort, WebhookEventType.RECALL_ISSUED);
        String subject = "RECALL-" + UUID.randomUUID();

        inTransaction(() -> events.publish(WebhookEventType.RECALL_ISSUED, List.of(gln), subject, Map.of()));

        Record delivery = await(WAIT, () -> deliveryOf(subject), d -> d.get("attempts").asInt() >= 1);
        assertThat(delivery.get("statusCodes").get(0).isNull()).as("no answer, no status").isTrue();
        assertThat(delivery.get("errors").get(0).asString()).contains("ConnectException");
    }

    @Test
    void a_slow_receiver_does_not_hold_up_another_subscription() {
        // Three request slots, two of them at most for one subscription: without that limit the slow receiver's
        // ten deliveries would take all three, and the other receiver would wait for their 1 s timeouts.
        WebhookProperties fast = settings.current();
        settings.replace(new WebhookProperties(true, fast.pollInterval(), 3, 2, fast.connectTimeout(),
                fast.requestTimeout(), fast.lease(), fast.backoffBase(), fast.backoffCap(), fast.maxAttempts(), true, true,
                fast.maxSubscriptionsPerOrganization()));
        WebhookReceiver slow = WebhookReceiver.start().answerAfter(Duration.ofSeconds(3));
        try {
            subscribe(slow.url(), WebhookEventType.RECALL_ISSUED);
            String other = WebhookFixture.freshOrganization(driver, "Fast Receiver");
            CurrentActor.runAs(Actor.user("imp3", other, Role.IMPORTER), () -> subscriptions.create(receiver.url(),
                    Set.of(WebhookEventType.RECALL_ISSUED), null, null));
            String subject = "RECALL-" + UUID.randomUUID();

            inTransaction(() -> {
                for (int i = 0; i < 10; i++) {
                    events.publish(WebhookEventType.RECALL_ISSUED, List.of(gln), subject + "-slow-" + i, Map.of());
                }
                events.publish(WebhookEventType.RECALL_ISSUED, List.of(other), subject, Map.of());
            });

            WebhookReceiver.Received fastRequest = receiver.next(WAIT);
            assertThat(fastRequest).isNotNull();
            Instant firstSlow = await(WAIT, slow::all, requests -> !requests.isEmpty()).getFirst().at();
            // Timed by the receivers' own clocks, so a busy machine does not make this flaky.
            assertThat(fastRequest.at()).as("sent before any slow request timed out")
                    .isBefore(firstSlow.plus(fast.requestTimeout()));
            sleep(Duration.between(Instant.now(), firstSlow.plus(fast.requestTimeout())));
            assertThat(slow.all()).filteredOn(r -> r.at().isBefore(firstSlow.plusMillis(900)))
                    .as("requests in flight to the slow receiver at once").hasSizeBetween(1, 2);
        } finally {
            slow.close();
        }
    }

    @Test
    void a_delivery_being_leased_by_another_instance_is_not_leased_again() throws Exception {
        SubscriptionCreated subscription = subscribe(receiver.url(), WebhookEventType.RECALL_ISSUED);
        // Due only in the far future, so this hub's own dispatcher leaves it alone; the two "instances" below
        // lease as if it were that time.
        String id = UUID.randomUUID().toString();
        Instant future = Instant.parse("2099-01-01T00:00:00Z");
        driver.executableQuery("""
                MATCH (s:WebhookSubscription {id: $subscription})
                CREATE (:WebhookDelivery {id: $id, eventId: $id, type: 'RECALL_ISSUED', subject: 'lease-test',
                        payload: '{}', status: 'PENDING', attempts: 0, nextAttemptAt: $due, createdAt: $due})-[:FOR]->(s)""")
                .withParameters(Map.of("subscription", subscription.subscription().key(), "id", id,
                        "due", future.minusSeconds(60).atOffset(ZoneOffset.UTC))).execute();
        DeliveryStore second = new DeliveryStore(driver, null);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (Session session = driver.session()) {
            // The first instance has leased it but not committed yet.
            try (Transaction first = session.beginTransaction()) {
                first.run(DeliveryStore.LEASE, Map.of("ids", List.of(id), "now", future.atOffset(ZoneOffset.UTC),
                        "owner", "first", "leaseUntil", future.plusSeconds(120).atOffset(ZoneOffset.UTC), "token", "t1"))
                        .consume();
                Future<List<ClaimedDelivery>> leasing = executor.submit(() -> second.claim(100_000, Map.of(), 100_000,
                        future, Duration.ofMinutes(2)));
                Thread.sleep(500);
                assertThat(leasing.isDone()).as("waits for the first instance's lock").isFalse();
                first.commit();
                assertThat(leasing.get(30, TimeUnit.SECONDS)).extracting(ClaimedDelivery::id).doesNotContain(id);
            }
            // Had the first instance rolled back, the second would have leased it.
            driver.executableQuery("MATCH (d:WebhookDelivery {id: $id}) REMOVE d.leaseUntil, d.leaseOwner, d.leaseToken")
                    .withParameters(Map.of("id", id)).execute();
            try (Transaction first = session.beginTransaction()) {
                first.run(DeliveryStore.LEASE, Map.of("ids", List.of(id), "now", future.atOffset(ZoneOffset.UTC),
                        "owner", "first", "leaseUntil", future.plusSeconds(120).atOffset(ZoneOffset.UTC), "token", "t1"))
                        .consume();
                Future<List<ClaimedDelivery>> leasing = executor.submit(() -> second.claim(100_000, Map.of(), 100_000,
                        future, Duration.ofMinutes(2)));
                Thread.sleep(500);
                first.rollback();
                assertThat(leasing.get(30, TimeUnit.SECONDS)).extracting(ClaimedDelivery::id).contains(id);
            }
        } finally {
            executor.shutdownNow();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(Math.max(0, duration.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private SubscriptionCreated subscribe(String url, WebhookEventType type) {
        return CurrentActor.callAs(importer, () -> subscriptions.create(url, Set.of(type), "test", null));
    }

    private void inTransaction(Runnable work) {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> work.run());
    }

    private long deliveriesOf(String subject) {
        return driver.executableQuery("MATCH (d:WebhookDelivery {subject: $subject}) RETURN count(d) AS n")
                .withParameters(Map.of("subject", subject)).execute().records().getFirst().get("n").asLong();
    }

    private Record deliveryOf(String subject) {
        List<Record> rows = driver.executableQuery("""
                MATCH (d:WebhookDelivery {subject: $subject})
                OPTIONAL MATCH (d)-[:ATTEMPTED]->(a:WebhookAttempt)
                WITH d, a ORDER BY a.at
                WITH d, collect(a) AS attempts
                RETURN d.id AS id, d.eventId AS eventId, d.status AS status, d.attempts AS attempts,
                       d.lastError AS lastError, d.nextAttemptAt AS nextAttemptAt, d.deliveredAt AS deliveredAt,
                       d.leaseToken AS leaseToken, [a IN attempts | a.statusCode] AS statusCodes,
                       [a IN attempts | a.error] AS errors""")
                .withParameters(Map.of("subject", subject)).execute().records();
        assertThat(rows).as("deliveries about " + subject).hasSize(1);
        return rows.getFirst();
    }
}
