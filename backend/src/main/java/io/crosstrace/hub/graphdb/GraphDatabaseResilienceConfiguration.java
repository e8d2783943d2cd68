package io.crosstrace.hub.graphdb;

import org.neo4j.driver.Driver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.data.neo4j.core.DatabaseSelectionProvider;
import org.springframework.data.neo4j.core.transaction.Neo4jTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The transaction wiring for failures: Spring's Neo4j transaction manager guarded by the database's availability.
 */
@Configuration(proxyBeanMethods = false)
class GraphDatabaseResilienceConfiguration {

    /** The plain manager; {@link #transactionManager} is the one {@code @Transactional} and templates use. */
    @Bean
    Neo4jTransactionManager neo4jTransactionManager(Driver driver, DatabaseSelectionProvider databases,
            ObjectProvider<TransactionManagerCustomizers> customizers) {
        Neo4jTransactionManager manager = Neo4jTransactionManager.with(driver).withDatabaseSelectionProvider(databases)
                .build();
        customizers.ifAvailable(c -> c.customize(manager));
        return manager;
    }

    @Bean
    @Primary
    PlatformTransactionManager transactionManager(Neo4jTransactionManager neo4jTransactionManager,
            GraphDatabaseAvailability availability) {
        return new AvailabilityGuardedTransactionManager(neo4jTransactionManager, availability);
    }
}
