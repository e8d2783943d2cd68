package io.crosstrace.hub.webhook;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.neo4j.driver.Driver;

import io.crosstrace.gs1.CheckDigit;

/** Organizations, settings and waiting for the webhook tests, which share one hub and database. */
final class WebhookFixture {

    private WebhookFixture() {
    }

    /** A new organization with a GLN no other test uses. */
    static String freshOrganization(Driver driver, String name) {
        String gln = CheckDigit.append("99" + String.format("%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L)));
        driver.executableQuery("""
                MERGE (o:Organization {gln: $gln})
                SET o.name = $name, o.country = 'AU', o.roles = ['IMPORTER']""")
                .withParameters(Map.of("gln", gln, "name", name)).execute();
        return gln;
    }

    /**
     * The configured settings with deliveries fast enough for tests (backoff from 100 ms, 4 attempts) and the
     * loopback receivers allowed.
     */
    static WebhookProperties fast(WebhookProperties configured) {
        return new WebhookProperties(configured.dispatcherEnabled(), Duration.ofMillis(100), configured.maxConcurrent(),
                configured.maxConcurrentPerSubscription(), configured.connectTimeout(), Duration.ofSeconds(1),
                configured.lease(), Duration.ofMillis(100), Duration.ofMillis(400), 4, true, true,
                configured.maxSubscriptionsPerOrganization());
    }

    /** The fast settings, but with the production rules for targets. */
    static WebhookProperties fastButStrictTargets(WebhookProperties configured) {
        WebhookProperties fast = fast(configured);
        return new WebhookProperties(fast.dispatcherEnabled(), fast.pollInterval(), fast.maxConcurrent(),
                fast.maxConcurrentPerSubscription(), fast.connectTimeout(), fast.requestTimeout(), fast.lease(),
                fast.backoffBase(), fast.backoffCap(), fast.maxAttempts(), false, false,
                fast.maxSubscriptionsPerOrganization());
    }

    /**
     * Polls until the value satisfies the condition; fails with the last value after {@code timeout}. A condition
     * that throws an assertion error (a path not there yet) counts as not satisfied.
     */
    static <T> T await(Duration timeout, Supplier<T> value, Predicate<T> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T last = value.get();
            Throwable why = null;
            try {
                if (condition.test(last)) {
                    return last;
                }
            } catch (AssertionError | RuntimeException e) {
                why = e;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Still not as expected after " + timeout + ": " + last, why);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting", e);
            }
        }
    }
}
