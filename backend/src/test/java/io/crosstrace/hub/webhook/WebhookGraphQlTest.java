package io.crosstrace.hub.webhook;

import static io.crosstrace.hub.webhook.WebhookFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.test.tester.ExecutionGraphQlServiceTester;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.crosstrace.hub.HubIntegrationTest;
import io.crosstrace.hub.graphql.GlobalId;
import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.CurrentActor;
import io.crosstrace.hub.security.Role;

/** The webhook API in GraphQL, run in-process as one partner or another. */
@HubIntegrationTest
class WebhookGraphQlTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static final String CREATE = """
            mutation($input: WebhookSubscriptionCreateInput!) {
              webhookSubscriptionCreate(input: $input) {
                subscription { id url events description active createdAt organization { gln } }
                secret
                userErrors { field message code }
              }
            }""";
    private static final String DELETE = """
            mutation($id: ID!) {
              webhookSubscriptionDelete(input: {subscription: $id}) {
                subscription { id active }
                userErrors { field message code }
              }
            }""";
    private static final String REPLAY = """
            mutation($id: ID!) {
              webhookDeliveryReplay(input: {delivery: $id}) {
                delivery { id status replayOf eventId payload attemptCount }
                userErrors { field message code }
              }
            }""";
    private static final String SUBSCRIPTIONS = "{ webhookSubscriptions { id url events } }";
    private static final String DELIVERIES = """
            query($subscription: ID, $status: WebhookDeliveryStatus, $first: Int, $after: String) {
              webhookDeliveries(subscription: $subscription, status: $status, first: $first, after: $after) {
                totalCount
                pageInfo { hasNextPage endCursor }
                edges { node {
                  id eventId event subject payload status attemptCount nextAttemptAt createdAt deliveredAt lastError
                  replayOf subscription { id }
                  attempts { at statusCode error durationMs }
                } }
              }
            }""";

    @Autowired
    ExecutionGraphQlService graphQlService;
    @Autowired
    WebhookEvents events;
    @Autowired
    WebhookSettings settings;
    @Autowired
    Driver driver;
    @Autowired
    PlatformTransactionManager transactionManager;

    private ExecutionGraphQlServiceTester graphQl;
    private WebhookProperties configured;
    private WebhookReceiver receiver;
    private String glnA;
    private String glnB;
    private Actor importerA;
    private Actor importerB;

    @BeforeEach
    void twoOrganizations() {
        graphQl = ExecutionGraphQlServiceTester.builder(graphQlService).build();
        configured = settings.replace(WebhookFixture.fast(settings.current()));
        receiver = WebhookReceiver.start();
        glnA = WebhookFixture.freshOrganization(driver, "Importer A");
        glnB = WebhookFixture.freshOrganization(driver, "Importer B");
        importerA = Actor.user("imp1", glnA, Role.IMPORTER);
        importerB = Actor.user("imp2", glnB, Role.IMPORTER);
    }

    @AfterEach
    void restore() {
        receiver.close();
        settings.replace(configured);
    }

    @Test
    void create_returns_the_secret_once_and_lists_the_subscription_without_it() {
        GraphQlTester.Response created = as(importerA, () -> create(input(receiver.url(), "CERTIFICATE_REVOKED", "RECALL_ISSUED")
                .with("description", "Our ERP")));

        created.path("webhookSubscriptionCreate.userErrors").entityList(Object.class).hasSize(0);
        String secret = created.path("webhookSubscriptionCreate.secret").entity(String.class).get();
        assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40);
        String id = created.path("webhookSubscriptionCreate.subscription.id").entity(String.class).get();
        created.path("webhookSubscriptionCreate.subscription.url").entity(String.class).isEqualTo(receiver.url());
        created.path("webhookSubscriptionCreate.subscription.events").entityList(String.class)
                .containsExactly("CERTIFICATE_REVOKED", "RECALL_ISSUED");
        created.path("webhookSubscriptionCreate.subscription.active").entity(Boolean.class).isEqualTo(true);
        created.path("webhookSubscriptionCreate.subscription.organization.gln").entity(String.class).isEqualTo(glnA);

        as(importerA, () -> graphQl.document(SUBSCRIPTIONS).execute()).path("webhookSubscriptions[*].id")
                .entityList(String.class).contains(id);
        as(importerA, () -> graphQl.document("{ __type(name: \"WebhookSubscription\") { fields { name } } }").execute())
                .path("__type.fields[*].name").entityList(String.class).doesNotContain("secret");
        assertThat(storedSecret(id)).as("kept to sign requests").isEqualTo(secret);
    }

    @Test
    void a_retry_with_the_same_idempotency_key_returns_the_first_subscription() {
        String key = "create-" + UUID.randomUUID();
        Map<String, Object> input = input(receiver.url(), "RECALL_ISSUED").with("idempotencyKey", key);

        GraphQlTester.Response first = as(importerA, () -> create(input));
        GraphQlTester.Response retry = as(importerA, () -> create(input));

        String id = first.path("webhookSubscriptionCreate.subscription.id").entity(String.class).get();
        retry.path("webhookSubscriptionCreate.subscription.id").entity(String.class).isEqualTo(id);
        retry.path("webhookSubscriptionCreate.secret").entity(String.class)
                .isEqualTo(first.path("webhookSubscriptionCreate.secret").entity(String.class).get());
        assertThat(subscriptionsOf(glnA)).isEqualTo(1);

        as(importerA, () -> create(input(receiver.url() + "/other", "RECALL_ISSUED").with("idempotencyKey", key)))
                .path("webhookSubscriptionCreate.userErrors[0].code").entity(String.class).isEqualTo("IDEMPOTENCY_KEY_REUSED")
                .path("webhookSubscriptionCreate.userErrors[0].field").entityList(String.class)
                .containsExactly("input", "idempotencyKey")
                .path("webhookSubscriptionCreate.subscription").valueIsNull();
        // Keys belong to an organization: another one using the same key gets its own subscription.
        as(importerB, () -> create(input)).path("webhookSubscriptionCreate.subscription.id").entity(String.class)
                .satisfies(other -> assertThat(other).isNotEqualTo(id));
    }

    @Test
    void rule_violations_come_back_as_user_errors_with_stable_codes() {
        assertCreateRejected(input("file:///etc/passwd", "RECALL_ISSUED"), "INVALID_URL", "url");
        assertCreateRejected(input("https://user:pw@partner.example/hook", "RECALL_ISSUED"), "INVALID_URL", "url");
        assertCreateRejected(input(receiver.url()), "NO_EVENTS", "events");
        assertCreateRejected(input(receiver.url(), "RECALL_ISSUED").with("description", "x".repeat(501)),
                "DESCRIPTION_TOO_LONG", "description");

        settings.replace(WebhookFixture.fastButStrictTargets(configured));
        assertCreateRejected(input("http://169.254.169.254/latest/meta-data/", "RECALL_ISSUED"), "URL_NOT_ALLOWED", "url");
        assertCreateRejected(input("https://169.254.169.254/", "RECALL_ISSUED"), "URL_NOT_ALLOWED", "url");
        assertCreateRejected(input(receiver.url(), "RECALL_ISSUED"), "URL_NOT_ALLOWED", "url");
        assertThat(subscriptionsOf(glnA)).isZero();
    }

    @Test
    void an_unknown_event_type_is_refused_by_the_schema() {
        as(importerA, () -> graphQl.document(CREATE).variable("input", input(receiver.url(), "PRICE_CHANGED")).execute())
                .errors().satisfy(errors -> assertThat(errors).isNotEmpty());
        assertThat(subscriptionsOf(glnA)).isZero();
    }

    @Test
    void deliveries_list_with_their_attempts_and_a_replay_is_delivered_again() {
        receiver.thenAnswer(500);
        String subscription = subscribe(importerA, "RECALL_ISSUED");
        String subject = "RECALL-" + UUID.randomUUID();
        publish(WebhookEventType.RECALL_ISSUED, glnA, subject);

        GraphQlTester.Response delivered = await(WAIT, () -> as(importerA, () -> graphQl.document(DELIVERIES)
                .variable("subscription", subscription).execute()), r -> "DELIVERED".equals(
                        r.path("webhookDeliveries.edges[0].node.status").entity(String.class).get()));
        delivered.path("webhookDeliveries.totalCount").entity(Integer.class).isEqualTo(1);
        delivered.path("webhookDeliveries.edges[0].node.subject").entity(String.class).isEqualTo(subject);
        delivered.path("webhookDeliveries.edges[0].node.event").entity(String.class).isEqualTo("RECALL_ISSUED");
        delivered.path("webhookDeliveries.edges[0].node.attemptCount").entity(Integer.class).isEqualTo(2);
        delivered.path("webhookDeliveries.edges[0].node.attempts[*].statusCode").entityList(Integer.class)
                .containsExactly(500, 200);
        delivered.path("webhookDeliveries.edges[0].node.attempts[0].error").entity(String.class).isEqualTo("HTTP 500");
        delivered.path("webhookDeliveries.edges[0].node.subscription.id").entity(String.class).isEqualTo(subscription);
        delivered.path("webhookDeliveries.edges[0].node.replayOf").valueIsNull();
        String original = delivered.path("webhookDeliveries.edges[0].node.id").entity(String.class).get();
        String eventId = delivered.path("webhookDeliveries.edges[0].node.eventId").entity(String.class).get();
        String payload = delivered.path("webhookDeliveries.edges[0].node.payload").entity(String.class).get();
        await(WAIT, () -> receiver.all().size(), n -> n == 2);

        GraphQlTester.Response replay = as(importerA, () -> graphQl.document(REPLAY).variable("id", original).execute());
        replay.path("webhookDeliveryReplay.userErrors").entityList(Object.class).hasSize(0);
        replay.path("webhookDeliveryReplay.delivery.replayOf").entity(String.class).isEqualTo(original);
        replay.path("webhookDeliveryReplay.delivery.eventId").entity(String.class).isEqualTo(eventId);
        replay.path("webhookDeliveryReplay.delivery.payload").entity(String.class).isEqualTo(payload);
        replay.path("webhookDeliveryReplay.delivery.attemptCount").entity(Integer.class).isEqualTo(0);
        String again = replay.path("webhookDeliveryReplay.delivery.id").entity(String.class).get();
        assertThat(again).isNotEqualTo(original);

        await(WAIT, () -> receiver.all().size(), n -> n == 3);
        WebhookReceiver.Received resent = receiver.all().get(2);
        assertThat(resent.body()).isEqualTo(payload);
        assertThat(resent.header("X-CrossTrace-Delivery")).isNotEqualTo(receiver.all().get(1).header("X-CrossTrace-Delivery"));
        GraphQlTester.Response both = await(WAIT, () -> as(importerA, () -> graphQl.document(DELIVERIES)
                .variable("subscription", subscription).variable("status", "DELIVERED").execute()),
                r -> r.path("webhookDeliveries.edges").entityList(Object.class).get().size() == 2);
        both.path("webhookDeliveries.edges[0].node.id").entity(String.class).isEqualTo(again); // newest first
    }

    @Test
    void deliveries_page_with_cursors_and_filter_by_status() {
        String subscription = subscribe(importerA, "RECALL_ISSUED");
        for (int i = 0; i < 3; i++) {
            publish(WebhookEventType.RECALL_ISSUED, glnA, "RECALL-" + UUID.randomUUID());
        }
        await(WAIT, () -> as(importerA, () -> graphQl.document(DELIVERIES).variable("subscription", subscription)
                .variable("status", "DELIVERED").execute()).path("webhookDeliveries.totalCount").entity(Integer.class).get(),
                n -> n == 3);

        GraphQlTester.Response page = as(importerA, () -> graphQl.document(DELIVERIES)
                .variable("subscription", subscription).variable("first", 2).execute());
        page.path("webhookDeliveries.edges").entityList(Object.class).hasSize(2);
        page.path("webhookDeliveries.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        String cursor = page.path("webhookDeliveries.pageInfo.endCursor").entity(String.class).get();
        as(importerA, () -> graphQl.document(DELIVERIES).variable("subscription", subscription).variable("first", 2)
                .variable("after", cursor).execute())
                .path("webhookDeliveries.edges").entityList(Object.class).hasSize(1)
                .path("webhookDeliveries.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
        as(importerA, () -> graphQl.document(DELIVERIES).variable("subscription", subscription).variable("status", "FAILED")
                .execute()).path("webhookDeliveries.totalCount").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void one_organization_cannot_see_delete_or_replay_another_ones_webhooks() {
        String subscriptionA = subscribe(importerA, "RECALL_ISSUED");
        String subject = "RECALL-" + UUID.randomUUID();
        publish(WebhookEventType.RECALL_ISSUED, glnA, subject);
        String deliveryA = await(WAIT, () -> as(importerA, () -> graphQl.document(DELIVERIES)
                .variable("subscription", subscriptionA).execute()).path("webhookDeliveries.edges[*].node.id")
                .entityList(String.class).get(), ids -> ids.size() == 1).getFirst();

        as(importerB, () -> graphQl.document(SUBSCRIPTIONS).execute()).path("webhookSubscriptions[*].id")
                .entityList(String.class).doesNotContain(subscriptionA);
        as(importerB, () -> graphQl.document(DELIVERIES).variable("subscription", subscriptionA).execute())
                .path("webhookDeliveries.totalCount").entity(Integer.class).isEqualTo(0);
        as(importerB, () -> graphQl.document(DELIVERIES).variable("first", 500).execute())
                .path("webhookDeliveries.edges[*].node.id").entityList(String.class).doesNotContain(deliveryA);
        as(importerB, () -> graphQl.document(DELETE).variable("id", subscriptionA).execute())
                .path("webhookSubscriptionDelete.userErrors[0].code").entity(String.class).isEqualTo("SUBSCRIPTION_NOT_FOUND")
                .path("webhookSubscriptionDelete.subscription").valueIsNull();
        as(importerB, () -> graphQl.document(REPLAY).variable("id", deliveryA).execute())
                .path("webhookDeliveryReplay.userErrors[0].code").entity(String.class).isEqualTo("DELIVERY_NOT_FOUND")
                .path("webhookDeliveryReplay.delivery").valueIsNull();

        // Untouched for its owner; a platform administrator sees everyone's.
        as(importerA, () -> graphQl.document(SUBSCRIPTIONS).execute()).path("webhookSubscriptions[*].id")
                .entityList(String.class).contains(subscriptionA);
        Actor admin = Actor.user("admin", glnB, Role.PLATFORM_ADMIN);
        as(admin, () -> graphQl.document(SUBSCRIPTIONS).execute()).path("webhookSubscriptions[*].id")
                .entityList(String.class).contains(subscriptionA);
        as(admin, () -> graphQl.document(DELIVERIES).variable("subscription", subscriptionA).execute())
                .path("webhookDeliveries.edges[*].node.id").entityList(String.class).containsExactly(deliveryA);
    }

    @Test
    void deleting_a_subscription_stops_its_deliveries_and_keeps_their_history() {
        receiver.alwaysAnswer(500);
        String subscription = subscribe(importerA, "RECALL_ISSUED");
        publish(WebhookEventType.RECALL_ISSUED, glnA, "RECALL-" + UUID.randomUUID());
        String delivery = await(WAIT, () -> as(importerA, () -> graphQl.document(DELIVERIES)
                .variable("subscription", subscription).execute()).path("webhookDeliveries.edges[*].node.id")
                .entityList(String.class).get(), ids -> ids.size() == 1).getFirst();

        as(importerA, () -> graphQl.document(DELETE).variable("id", subscription).execute())
                .path("webhookSubscriptionDelete.userErrors").entityList(Object.class).hasSize(0)
                .path("webhookSubscriptionDelete.subscription.active").entity(Boolean.class).isEqualTo(false);

        as(importerA, () -> graphQl.document(SUBSCRIPTIONS).execute()).path("webhookSubscriptions[*].id")
                .entityList(String.class).doesNotContain(subscription);
        await(WAIT, () -> as(importerA, () -> graphQl.document(DELIVERIES).variable("subscription", subscription)
                .execute()).path("webhookDeliveries.edges[0].node.status").entity(String.class).get(),
                status -> status.equals("CANCELLED"));
        assertThat(storedSecret(subscription)).as("secret forgotten").isNull();
        as(importerA, () -> graphQl.document(DELETE).variable("id", subscription).execute())
                .path("webhookSubscriptionDelete.userErrors[0].code").entity(String.class).isEqualTo("SUBSCRIPTION_NOT_FOUND");
        as(importerA, () -> graphQl.document(REPLAY).variable("id", delivery).execute())
                .path("webhookDeliveryReplay.userErrors[0].code").entity(String.class).isEqualTo("SUBSCRIPTION_DELETED");
    }

    @Test
    void malformed_ids_are_user_errors_in_mutations() {
        as(importerA, () -> graphQl.document(DELETE).variable("id", "not-an-id").execute())
                .path("webhookSubscriptionDelete.userErrors[0].code").entity(String.class).isEqualTo("INVALID_ID")
                .path("webhookSubscriptionDelete.userErrors[0].field").entityList(String.class)
                .containsExactly("input", "subscription");
        as(importerA, () -> graphQl.document(REPLAY).variable("id", "not-an-id").execute())
                .path("webhookDeliveryReplay.userErrors[0].code").entity(String.class).isEqualTo("INVALID_ID");
    }

    @Test
    void anonymous_callers_are_refused() {
        graphQl.document(SUBSCRIPTIONS).execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(error -> assertThat(error.getErrorType().toString()).isEqualTo("UNAUTHORIZED")));
        graphQl.document(DELIVERIES).execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(error -> assertThat(error.getErrorType().toString()).isEqualTo("UNAUTHORIZED")));
        graphQl.document(CREATE).variable("input", input(receiver.url(), "RECALL_ISSUED")).execute().errors()
                .satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(error.getErrorType().toString()).isEqualTo("UNAUTHORIZED")));
    }

    @Test
    void analysts_get_none_of_it() {
        Actor analyst = Actor.user("analyst", glnA, Role.ANALYST);
        as(analyst, () -> graphQl.document(SUBSCRIPTIONS).execute()).errors().satisfy(errors -> assertThat(errors)
                .singleElement().satisfies(error -> assertThat(error.getErrorType().toString()).isEqualTo("FORBIDDEN")));
        as(analyst, () -> graphQl.document(CREATE).variable("input", input(receiver.url(), "RECALL_ISSUED")).execute())
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(error.getErrorType().toString()).isEqualTo("FORBIDDEN")));
        assertThat(subscriptionsOf(glnA)).isZero();
    }

    private void assertCreateRejected(Map<String, Object> input, String code, String field) {
        as(importerA, () -> create(input))
                .path("webhookSubscriptionCreate.userErrors[0].code").entity(String.class).isEqualTo(code)
                .path("webhookSubscriptionCreate.userErrors[0].field").entityList(String.class).containsExactly("input", field)
                .path("webhookSubscriptionCreate.subscription").valueIsNull()
                .path("webhookSubscriptionCreate.secret").valueIsNull();
    }

    private String subscribe(Actor actor, String... events) {
        return as(actor, () -> create(input(receiver.url(), events))).path("webhookSubscriptionCreate.subscription.id")
                .entity(String.class).get();
    }

    private GraphQlTester.Response create(Map<String, Object> input) {
        return graphQl.document(CREATE).variable("input", input).execute();
    }

    private void publish(WebhookEventType type, String gln, String subject) {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> events.publish(type, List.of(gln),
                subject, Map.of("subject", subject)));
    }

    /** Runs the request as the actor; the response is read afterwards, it holds no actor. */
    private static <T> T as(Actor actor, Supplier<T> request) {
        return CurrentActor.callAs(actor, request);
    }

    private static Input input(String url, String... events) {
        return new Input(url, List.of(events));
    }

    private long subscriptionsOf(String gln) {
        return driver.executableQuery("MATCH (:Organization {gln: $gln})-[:SUBSCRIBES]->(s) RETURN count(s) AS n")
                .withParameters(Map.of("gln", gln)).execute().records().getFirst().get("n").asLong();
    }

    private String storedSecret(String subscriptionId) {
        String key = GlobalId.keyOf(subscriptionId, WebhookSubscription.TYPE);
        var rows = driver.executableQuery("MATCH (s:WebhookSubscription {id: $id}) RETURN s.secret AS secret")
                .withParameters(Map.of("id", key)).execute().records();
        return rows.getFirst().get("secret").isNull() ? null : rows.getFirst().get("secret").asString();
    }

    /** The mutation input as a map, with optional fields added fluently. */
    private static final class Input extends LinkedHashMap<String, Object> {

        Input(String url, List<String> events) {
            put("url", url);
            put("events", events);
        }

        Input with(String field, Object value) {
            put(field, value);
            return this;
        }
    }
}
