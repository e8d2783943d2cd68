package io.crosstrace.hub.graphdb;

import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.crosstrace.seed.LoadReport;
import io.crosstrace.seed.WorldLoader;
import io.crosstrace.seed.WorldSpec;

/**
 * Loads the demo world on first start. It runs before the application reports itself ready, so
 * readiness stays DOWN until the world is in. The loader is idempotent: a restart finds its marker.
 */
@Component
@Order(0)
class DemoWorldSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoWorldSeeder.class);

    private final Driver driver;
    private final CrossTraceProperties properties;
    private final String database;

    DemoWorldSeeder(Driver driver, CrossTraceProperties properties,
            @Value("${spring.data.neo4j.database:}") String database) {
        this.driver = driver;
        this.properties = properties;
        this.database = database.isBlank() ? null : database;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.seed()) {
            log.info("Demo world not loaded (crosstrace.seed=false)");
            return;
        }
        LoadReport report = new WorldLoader(driver, database).loadIfAbsent(WorldSpec.demo());
        log.info("Demo world: {}", report);
    }
}
