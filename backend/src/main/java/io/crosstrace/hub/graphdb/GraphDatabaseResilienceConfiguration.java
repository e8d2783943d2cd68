package io.crosstrace.hub.graphdb;

import org.aopalliance.intercept.MethodInterceptor;
import org.neo4j.driver.Driver;
import org.springframework.aop.Advisor;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.data.neo4j.core.DatabaseSelectionProvider;
import org.springframework.data.neo4j.core.transaction.Neo4jTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transaction wiring for failures: Spring's Neo4j transaction manager guarded by the database's availability,
 * and every {@code @Transactional} unit of work run again on transient errors. Spring's transactions are explicit
 * driver transactions, which the driver does not retry by itself.
 */
@Configuration(proxyBeanMethods = false)
class GraphDatabaseResilienceConfiguration {

    /**
     * The plain manager; {@link #transactionManager} is the one {@code @Transactional} and templates use. Its
     * transactions begin after the bookmarks of this instance's commits and those a client carried from another
     * instance; it tells {@link CarriedBookmarks} of each commit, so a request's writes reach its response.
     */
    @Bean
    Neo4jTransactionManager neo4jTransactionManager(Driver driver, DatabaseSelectionProvider databases,
            CarriedBookmarks bookmarks, ObjectProvider<TransactionManagerCustomizers> customizers) {
        Neo4jTransactionManager manager = Neo4jTransactionManager.with(driver).withDatabaseSelectionProvider(databases)
                .withBookmarkManager(bookmarks.manager()).build();
        customizers.ifAvailable(c -> c.customize(manager));
        // Boot's customizers add every listener bean; this holds without them too, and never twice.
        if (!manager.getTransactionExecutionListeners().contains(bookmarks)) {
            manager.addListener(bookmarks);
        }
        return manager;
    }

    @Bean
    @Primary
    PlatformTransactionManager transactionManager(Neo4jTransactionManager neo4jTransactionManager,
            GraphDatabaseAvailability availability, TransientErrorRetry transientErrorRetry) {
        return new AvailabilityGuardedTransactionManager(neo4jTransactionManager, availability, transientErrorRetry);
    }

    @Bean
    TransientErrorRetry transientErrorRetry(GraphDatabaseResilienceProperties properties) {
        return new TransientErrorRetry(properties.transientRetries(), properties.transientBackoff());
    }

    /**
     * Wraps {@code @Transactional} methods outside their transaction (this advisor runs before the transaction
     * interceptor), so a retry begins a fresh transaction.
     */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor transientErrorRetryAdvisor(ObjectProvider<TransientErrorRetry> retry) {
        ComposablePointcut transactional = new ComposablePointcut(new AnnotationMatchingPointcut(Transactional.class, true))
                .union(AnnotationMatchingPointcut.forMethodAnnotation(Transactional.class));
        MethodInterceptor interceptor = invocation -> retry.getObject().call(
                () -> ((ProxyMethodInvocation) invocation).invocableClone().proceed());
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(transactional, interceptor);
        advisor.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        return advisor;
    }
}
