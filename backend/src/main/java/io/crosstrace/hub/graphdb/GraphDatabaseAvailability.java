package io.crosstrace.hub.graphdb;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * What the hub knows about the graph database being reachable. While it is known down, work that needs it fails at
 * once ({@link #ensureAvailable()}) instead of every request waiting for a connection that will not come, so request
 * threads do not pile up. A failure seen by any request marks it down; a background probe runs a trivial statement
 * and marks it up again as soon as the database answers, so the hub recovers without a restart.
 */
@Component
public class GraphDatabaseAvailability implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GraphDatabaseAvailability.class);

    private final Driver driver;
    private final SessionConfig sessionConfig;
    private final GraphDatabaseResilienceProperties properties;
    private volatile boolean available = true;
    private volatile Throwable lastFailure;
    private volatile Thread probe;

    GraphDatabaseAvailability(Driver driver, GraphDatabaseResilienceProperties properties,
            @Value("${spring.data.neo4j.database:}") String database) {
        this.driver = driver;
        this.properties = properties;
        this.sessionConfig = database.isBlank() ? SessionConfig.defaultConfig() : SessionConfig.forDatabase(database);
    }

    public boolean isAvailable() {
        return available;
    }

    /** How long clients are asked to wait before trying again. */
    public Duration retryAfter() {
        return properties.retryAfter();
    }

    /** @throws GraphDatabaseUnavailableException at once while the database is known down */
    public void ensureAvailable() {
        if (!available) {
            throw new GraphDatabaseUnavailableException("The graph database is unavailable", lastFailure);
        }
    }

    /** Marks the database down when the failure says it cannot be reached; other failures change nothing. */
    public void report(Throwable failure) {
        if (GraphDatabaseFailures.isUnavailability(failure)) {
            markDown(failure);
        }
    }

    private void markDown(Throwable failure) {
        lastFailure = failure;
        if (available) {
            available = false;
            log.warn("The graph database is unavailable; answering 503 until it is back: {}", failure.toString());
            LockSupport.unpark(probe);
        }
    }

    private void markUp() {
        if (!available) {
            available = true;
            lastFailure = null;
            log.info("The graph database answers again");
        }
    }

    /** Runs a trivial statement outside any retry, so a dead connection shows within the driver's connection timeout. */
    void probeOnce() {
        try (Session session = driver.session(sessionConfig)) {
            session.run("RETURN 1").consume();
            markUp();
        } catch (RuntimeException e) {
            if (GraphDatabaseFailures.isUnavailability(e)) {
                markDown(e);
            } else {
                log.warn("The graph database probe failed", e);
            }
        }
    }

    private void probeUntilStopped() {
        while (probe == Thread.currentThread()) {
            LockSupport.parkNanos((available ? properties.probeInterval() : properties.downProbeInterval()).toNanos());
            if (probe != Thread.currentThread()) {
                return;
            }
            probeOnce();
        }
    }

    @Override
    public synchronized void start() {
        if (probe == null) {
            probe = Thread.ofPlatform().name("crosstrace-graph-probe").daemon(true).unstarted(this::probeUntilStopped);
            probe.start();
        }
    }

    @Override
    public synchronized void stop() {
        Thread running = probe;
        probe = null;
        if (running != null) {
            LockSupport.unpark(running);
        }
    }

    @Override
    public boolean isRunning() {
        return probe != null;
    }
}
