package io.crosstrace.hub.graphdb;

import java.time.Duration;

import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.crosstrace.schema.migration.MigrationRunner;

/**
 * Brings the graph schema up to date as soon as the {@link Driver} exists, before any bean that uses the
 * driver is handed it: a database whose applied migration was changed never serves a request.
 *
 * <p>It first waits for the database to answer, up to {@code crosstrace.database.startup-wait}: Neo4j (or the
 * embedded engine on a busy machine) may still be starting, or a cluster electing its leader, when the hub starts;
 * the connection pool's acquisition timeout is kept short for requests (ADR 0015) and would otherwise fail the start
 * at the first slow connection. Only unavailability is waited out: a wrong password fails at once.
 */
@Component
class GraphSchemaMigrator implements BeanPostProcessor, EnvironmentAware {

    private static final Logger log = LoggerFactory.getLogger(GraphSchemaMigrator.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(250);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

    private String database;
    private Duration startupWait;

    @Override
    public void setEnvironment(Environment environment) {
        this.database = environment.getProperty("spring.data.neo4j.database");
        this.startupWait = Binder.get(environment).bind("crosstrace.database.startup-wait", Duration.class)
                .orElse(Duration.ofSeconds(60));
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof Driver driver) {
            try {
                awaitDatabase(driver, startupWait);
                new MigrationRunner(driver, database).migrate();
            } catch (RuntimeException failure) {
                // A bean whose initialization failed is never destroyed: closed here, or its event loop threads
                // (not daemons) keep the failed process alive, and a supervisor never sees it exit.
                closeQuietly(driver, failure);
                throw failure;
            }
        }
        return bean;
    }

    static void awaitDatabase(Driver driver, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        Duration pause = FIRST_PAUSE;
        while (true) {
            try {
                driver.verifyConnectivity();
                return;
            } catch (RuntimeException e) {
                if (!GraphDatabaseFailures.isUnavailability(e) || System.nanoTime() - deadline > 0) {
                    throw e;
                }
                log.warn("Neo4j does not answer yet ({}); trying again for up to {}", e.getMessage(), wait);
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    private static void closeQuietly(Driver driver, RuntimeException failure) {
        try {
            driver.close();
        } catch (RuntimeException closing) {
            failure.addSuppressed(closing);
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Neo4j", e);
        }
    }
}
