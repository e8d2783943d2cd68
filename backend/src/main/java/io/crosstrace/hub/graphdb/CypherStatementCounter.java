package io.crosstrace.hub.graphdb;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.LongAdder;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Counts the Cypher statements the hub sends through {@link Neo4jClient}. Exposed as the metric
 * {@code crosstrace.cypher.statements}; tests use it to prove that list fields load in batches (the
 * number of statements must not grow with the page size).
 */
@Component
public class CypherStatementCounter implements BeanPostProcessor, SmartInitializingSingleton {

    private final LongAdder statements = new LongAdder();
    private final ObjectProvider<MeterRegistry> meterRegistry;

    CypherStatementCounter(ObjectProvider<MeterRegistry> meterRegistry) {
        this.meterRegistry = meterRegistry;
    }

    public long count() {
        return statements.sum();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof Neo4jClient client)) {
            return bean;
        }
        return Proxy.newProxyInstance(Neo4jClient.class.getClassLoader(), new Class<?>[] {Neo4jClient.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("query")) {
                        statements.increment();
                    }
                    try {
                        return method.invoke(client, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public void afterSingletonsInstantiated() {
        meterRegistry.ifAvailable(registry -> FunctionCounter
                .builder("crosstrace.cypher.statements", statements, LongAdder::sum)
                .description("Cypher statements sent by the hub")
                .register(registry));
    }
}
