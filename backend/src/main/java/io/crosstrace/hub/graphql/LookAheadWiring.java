package io.crosstrace.hub.graphql;

import java.util.List;

import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lets a field answer from the request's {@link LookAhead} when a parent fetcher read its value ahead, and otherwise
 * run its own fetcher (a batch mapping, usually).
 *
 * <p>It is an instrumentation added after all the others, so it wraps the field's fetcher outermost: a value read
 * ahead is returned without the per-field work around the fetcher (context propagation, an observation per call,
 * a DataLoader future), which on a page of 100 consignments was most of the request's time.
 */
@Configuration(proxyBeanMethods = false)
class LookAheadWiring {

    @Bean
    GraphQlSourceBuilderCustomizer lookAheadFields() {
        return builder -> builder.instrumentation(List.of(new ReadAheadFirst()));
    }

    static final class ReadAheadFirst implements Instrumentation {

        @Override
        public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                InstrumentationState state) {
            if (parameters.isTrivialDataFetcher()) {
                return fetcher;
            }
            DataFetchingEnvironment env = parameters.getEnvironment();
            LookAhead lookAhead = env.getGraphQlContext().get(LookAhead.class);
            Object source = env.getSource();
            String field = env.getField().getName();
            if (lookAhead == null || source == null || !lookAhead.has(source, field)) {
                return fetcher;
            }
            Object value = lookAhead.get(source, field);
            return readAhead -> value;
        }
    }
}
