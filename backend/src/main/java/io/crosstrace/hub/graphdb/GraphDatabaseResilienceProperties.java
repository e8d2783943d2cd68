package io.crosstrace.hub.graphdb;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the hub behaves when the graph database fails.
 *
 * @param probeInterval     how often the background probe checks the database while it answers
 * @param downProbeInterval how often it checks while the database is down, so the hub recovers soon after it returns
 * @param retryAfter        what 503 answers put in {@code Retry-After}
 * @param transientRetries  how many times a unit of work that met a transient error (deadlock, lock timeout) runs again
 * @param transientBackoff  the wait before the first run again; it doubles for each further one
 */
@ConfigurationProperties("crosstrace.database")
public record GraphDatabaseResilienceProperties(
        @DefaultValue("2s") Duration probeInterval,
        @DefaultValue("250ms") Duration downProbeInterval,
        @DefaultValue("5s") Duration retryAfter,
        @DefaultValue("3") int transientRetries,
        @DefaultValue("20ms") Duration transientBackoff) {
}
