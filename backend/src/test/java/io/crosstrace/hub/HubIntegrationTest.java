package io.crosstrace.hub;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The hub with a real embedded Neo4j over Bolt, in a temporary store holding the demo world, served on a
 * random port, with the demo partners' users (see {@link Partners}). Test classes with this annotation share one
 * running hub.
 *
 * <p>The scan pages' batch cache is off here: tests write fixtures straight through the driver, beside the hub, as
 * another instance would, and with the cache on this hub's pages would show them only after its time.
 * {@code TwoInstancesTest} and {@code BatchContextCacheTest} test the cache.
 *
 * <p>The ledger's scheduled checkpoint runs hourly here rather than every minute: tests that count the statements of a
 * request would count its statement too when it ran meanwhile. Ledger tests seal on demand.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"crosstrace.embedded.ephemeral=true", "crosstrace.embedded.page-cache=64m",
                "crosstrace.security.demo-password=" + Partners.DEMO_PASSWORD,
                "crosstrace.security.access-token-ttl=1h", "crosstrace.scan.batch-cache.ttl=0",
                "crosstrace.ledger.checkpoint-interval=1h"})
@AutoConfigureHttpGraphQlTester
public @interface HubIntegrationTest {
}
