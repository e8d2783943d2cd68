package io.crosstrace.hub.graphdb;

import org.neo4j.driver.Driver;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import io.crosstrace.schema.migration.MigrationRunner;

/**
 * Brings the graph schema up to date as soon as the {@link Driver} exists, before any bean that uses the
 * driver is handed it: a database whose applied migration was changed never serves a request.
 */
@Component
class GraphSchemaMigrator implements BeanPostProcessor, EnvironmentAware {

    private String database;

    @Override
    public void setEnvironment(Environment environment) {
        this.database = environment.getProperty("spring.data.neo4j.database");
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof Driver driver) {
            new MigrationRunner(driver, database).migrate();
        }
        return bean;
    }
}
