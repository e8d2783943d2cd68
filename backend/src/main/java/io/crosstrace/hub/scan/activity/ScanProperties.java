package io.crosstrace.hub.scan.activity;

import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * Recording of consumer scans and the clone rules evaluated on them ({@code crosstrace.scan.*}).
 *
 * @param fingerprintSalt secret mixed into each client fingerprint, the SHA-256 of salt, client address and
 *                        user agent (env {@code CROSSTRACE_SCAN_FINGERPRINTSALT}). Empty (the default): a
 *                        random salt per start, so fingerprints do not survive a restart and differ between
 *                        instances, which weakens {@code MANY_CLIENTS}; set it in production
 * @param queueCapacity   scans waiting in memory for the writer (default 10000); when full, further scans are
 *                        dropped and counted ({@code crosstrace.scan.dropped}) rather than slowing the page
 * @param batchSize       most scans written by one statement (default 500)
 * @param batchDelay      longest a scan waits for its batch to fill before it is written (default 200ms)
 * @param shutdownTimeout how long stopping the hub waits for queued scans to be written (default 30s)
 * @param marketZone      time zone of the market the hub serves (default Asia/Shanghai): a scan's day there is
 *                        compared with the date a consignment was released at the port
 * @param cloneRules      the clone rules, {@code crosstrace.scan.clone.*} ({@code clone} cannot name a record
 *                        component)
 */
@ConfigurationProperties("crosstrace.scan")
record ScanProperties(
        @DefaultValue("") String fingerprintSalt,
        @DefaultValue("10000") int queueCapacity,
        @DefaultValue("500") int batchSize,
        @DefaultValue("200ms") Duration batchDelay,
        @DefaultValue("30s") Duration shutdownTimeout,
        @DefaultValue("Asia/Shanghai") ZoneId marketZone,
        @Name("clone") @DefaultValue Clone cloneRules) {

    ScanProperties {
        requirePositive(queueCapacity, "crosstrace.scan.queue-capacity");
        requirePositive(batchSize, "crosstrace.scan.batch-size");
        requirePositive(batchDelay, "crosstrace.scan.batch-delay");
        requirePositive(shutdownTimeout, "crosstrace.scan.shutdown-timeout");
    }

    /**
     * The clone rules ({@code crosstrace.scan.clone.*}). Each rule flags a code once; a flagged code is not
     * evaluated for that rule again.
     *
     * @param rules          the rules evaluated (default: all of {@link CloneRule})
     * @param maxClients     {@code MANY_CLIENTS}: flag when more distinct clients than this scanned the code
     *                       within {@code clientWindow} (default 5)
     * @param clientWindow   {@code MANY_CLIENTS}: the window, ending at the code's latest scan (default 24h)
     * @param maxDistanceKm  {@code FAR_APART}: flag two scans with consented locations farther apart than this,
     *                       great-circle distance in kilometres (default 500)
     * @param distanceWindow {@code FAR_APART}: ... when they are at most this far apart in time (default 6h)
     */
    record Clone(
            @DefaultValue({"MANY_CLIENTS", "FAR_APART", "BEFORE_RELEASE", "NOT_SHIPPED_HERE"}) Set<CloneRule> rules,
            @DefaultValue("5") int maxClients,
            @DefaultValue("24h") Duration clientWindow,
            @DefaultValue("500") double maxDistanceKm,
            @DefaultValue("6h") Duration distanceWindow) {

        Clone {
            rules = rules.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(rules));
            requirePositive(maxClients, "crosstrace.scan.clone.max-clients");
            requirePositive(clientWindow, "crosstrace.scan.clone.client-window");
            if (!(maxDistanceKm > 0)) {
                throw new IllegalArgumentException("crosstrace.scan.clone.max-distance-km must be positive");
            }
            requirePositive(distanceWindow, "crosstrace.scan.clone.distance-window");
        }

        boolean evaluates(CloneRule rule) {
            return rules.contains(rule);
        }
    }

    private static void requirePositive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1 (was " + value + ")");
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive (was " + value + ")");
        }
    }
}
