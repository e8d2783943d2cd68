package io.crosstrace.hub.webhook;

import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.schema.DataFetchingEnvironment;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import io.crosstrace.hub.graphql.BadInputException;
import io.crosstrace.hub.graphql.Connection;
import io.crosstrace.hub.graphql.GlobalId;
import io.crosstrace.hub.graphql.Links;
import io.crosstrace.hub.graphql.PageRequest;
import io.crosstrace.hub.graphql.Selections;
import io.crosstrace.hub.registry.Organization;
import io.crosstrace.hub.registry.RegistryService;
import io.crosstrace.hub.webhook.WebhookSubscriptionService.SubscriptionCreated;

/** Webhook subscriptions and deliveries in GraphQL; the services decide who may see and do what. */
@Controller
class WebhookGraphQlController {

    private final WebhookSubscriptionService subscriptions;
    private final WebhookDeliveryService deliveries;
    private final RegistryService registry;

    WebhookGraphQlController(WebhookSubscriptionService subscriptions, WebhookDeliveryService deliveries,
            RegistryService registry) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.registry = registry;
    }

    @QueryMapping
    List<WebhookSubscription> webhookSubscriptions() {
        return subscriptions.subscriptions();
    }

    @QueryMapping
    Connection<WebhookDelivery> webhookDeliveries(@Argument String subscription, @Argument WebhookDeliveryStatus status,
            @Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
        String subscriptionKey = subscription == null ? null : GlobalId.keyOf(subscription, WebhookSubscription.TYPE);
        return deliveries.deliveries(subscriptionKey, status, PageRequest.of(first, after),
                Selections.wantsTotalCount(env));
    }

    @MutationMapping
    WebhookSubscriptionCreatePayload webhookSubscriptionCreate(@Argument WebhookSubscriptionCreateInput input) {
        try {
            SubscriptionCreated created = subscriptions.create(input.url(), input.events(), input.description(),
                    input.idempotencyKey());
            return new WebhookSubscriptionCreatePayload(created.subscription(), created.secret(), List.of());
        } catch (WebhookRejectedException e) {
            return new WebhookSubscriptionCreatePayload(null, null, List.of(UserError.of(e)));
        }
    }

    @MutationMapping
    WebhookSubscriptionDeletePayload webhookSubscriptionDelete(@Argument WebhookSubscriptionDeleteInput input) {
        try {
            String key = GlobalId.keyOf(input.subscription(), WebhookSubscription.TYPE);
            return new WebhookSubscriptionDeletePayload(subscriptions.delete(key), List.of());
        } catch (WebhookRejectedException e) {
            return new WebhookSubscriptionDeletePayload(null, List.of(UserError.of(e)));
        } catch (BadInputException e) {
            return new WebhookSubscriptionDeletePayload(null, List.of(UserError.invalidId("subscription", e)));
        }
    }

    @MutationMapping
    WebhookDeliveryReplayPayload webhookDeliveryReplay(@Argument WebhookDeliveryReplayInput input) {
        try {
            String key = GlobalId.keyOf(input.delivery(), WebhookDelivery.TYPE);
            return new WebhookDeliveryReplayPayload(deliveries.replay(key), List.of());
        } catch (WebhookRejectedException e) {
            return new WebhookDeliveryReplayPayload(null, List.of(UserError.of(e)));
        } catch (BadInputException e) {
            return new WebhookDeliveryReplayPayload(null, List.of(UserError.invalidId("delivery", e)));
        }
    }

    /**
     * Classifies the refusals of {@link WebhookAccess} for this controller's fields: anonymous callers get
     * UNAUTHORIZED, callers without a partner role FORBIDDEN, both with the reason, never INTERNAL_ERROR.
     */
    @BatchMapping(typeName = "WebhookDelivery", field = "attempts")
    Map<WebhookDelivery, List<WebhookAttempt>> attempts(List<WebhookDelivery> page) {
        return Links.many(page, WebhookDelivery::key, deliveries::attempts);
    }

    @BatchMapping(typeName = "WebhookSubscription", field = "organization")
    Map<WebhookSubscription, Organization> organization(List<WebhookSubscription> page) {
        return Links.one(page, WebhookSubscription::organizationGln, registry::organizationsByGln);
    }

    record WebhookSubscriptionCreateInput(String url, Set<WebhookEventType> events, String description,
            String idempotencyKey) {
    }

    record WebhookSubscriptionCreatePayload(WebhookSubscription subscription, String secret, List<UserError> userErrors) {

        @Override
        public String toString() {
            return "WebhookSubscriptionCreatePayload[" + subscription + ", " + userErrors + "]";
        }
    }

    record WebhookSubscriptionDeleteInput(String subscription) {
    }

    record WebhookSubscriptionDeletePayload(WebhookSubscription subscription, List<UserError> userErrors) {
    }

    record WebhookDeliveryReplayInput(String delivery) {
    }

    record WebhookDeliveryReplayPayload(WebhookDelivery delivery, List<UserError> userErrors) {
    }

    /** The GraphQL {@code UserError}: a rule the input broke, with a stable code. */
    record UserError(List<String> field, String message, String code) {

        static UserError of(WebhookRejectedException e) {
            String field = e.reason().field();
            return new UserError(field == null ? null : List.of("input", field), e.getMessage(), e.reason().name());
        }

        static UserError invalidId(String field, BadInputException e) {
            return new UserError(List.of("input", field), e.getMessage(), "INVALID_ID");
        }
    }
}
