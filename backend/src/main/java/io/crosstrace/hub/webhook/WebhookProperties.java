package io.crosstrace.hub.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook delivery to partner systems ({@code crosstrace.webhooks.*}).
 *
 * @param dispatcherEnabled     send deliveries from this instance (default true); an instance that only serves
 *                              the API may leave it to others, deliveries wait in the graph meanwhile
 * @param pollInterval          how often the dispatcher looks for due deliveries (default 1s); a committed event
 *                              or replay wakes it at once, so this bounds the delay of retries and of deliveries
 *                              written by other instances
 * @param maxConcurrent         requests in flight from this instance at most (default 8)
 * @param maxConcurrentPerSubscription requests in flight to one subscription from this instance at most
 *                              (default 2), so a slow receiver holds at most this many of the slots
 * @param connectTimeout        TCP and TLS connect timeout (default 5s); read when the hub starts
 * @param requestTimeout        how long a receiver may take to answer with its status line (default 10s)
 * @param lease                 how long a claimed delivery is reserved for the instance that claimed it (default
 *                              2m); when that instance dies mid-request another sends it after this. Longer than
 *                              connect plus request timeout
 * @param backoffBase           wait after the first failed attempt (default 30s); doubles with every further
 *                              failure, jittered to between half and all of it
 * @param backoffCap            longest wait between two attempts (default 1h)
 * @param maxAttempts           attempts before a delivery is FAILED (default 8: about 2 hours with the defaults)
 * @param allowHttp             accept {@code http:} targets (default false: {@code https:} only); for development
 *                              and tests
 * @param allowPrivateTargets   accept targets on loopback, link-local, private and other non-public addresses
 *                              (default false); for development and tests, never in production
 * @param maxSubscriptionsPerOrganization active subscriptions one organization may have (default 10)
 */
@ConfigurationProperties("crosstrace.webhooks")
record WebhookProperties(
        @DefaultValue("true") boolean dispatcherEnabled,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("8") int maxConcurrent,
        @DefaultValue("2") int maxConcurrentPerSubscription,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("30s") Duration backoffBase,
        @DefaultValue("1h") Duration backoffCap,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("false") boolean allowHttp,
        @DefaultValue("false") boolean allowPrivateTargets,
        @DefaultValue("10") int maxSubscriptionsPerOrganization) {

    WebhookProperties {
        requirePositive(pollInterval, "poll-interval");
        requireAtLeastOne(maxConcurrent, "max-concurrent");
        requireAtLeastOne(maxConcurrentPerSubscription, "max-concurrent-per-subscription");
        requirePositive(connectTimeout, "connect-timeout");
        requirePositive(requestTimeout, "request-timeout");
        requirePositive(backoffBase, "backoff-base");
        requirePositive(backoffCap, "backoff-cap");
        requireAtLeastOne(maxAttempts, "max-attempts");
        requireAtLeastOne(maxSubscriptionsPerOrganization, "max-subscriptions-per-organization");
        if (lease.compareTo(connectTimeout.plus(requestTimeout)) <= 0) {
            // A shorter lease would let another instance send a delivery while the first still waits for it.
            throw new IllegalArgumentException("crosstrace.webhooks.lease (" + lease
                    + ") must be longer than connect-timeout plus request-timeout");
        }
    }

    RetryPolicy retryPolicy() {
        return new RetryPolicy(backoffBase, backoffCap, maxAttempts);
    }

    TargetUrlGuard targetGuard() {
        return new TargetUrlGuard(allowHttp, allowPrivateTargets);
    }

    private static void requirePositive(Duration value, String name) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("crosstrace.webhooks." + name + " must be positive (was " + value + ")");
        }
    }

    private static void requireAtLeastOne(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException("crosstrace.webhooks." + name + " must be at least 1 (was " + value + ")");
        }
    }
}
