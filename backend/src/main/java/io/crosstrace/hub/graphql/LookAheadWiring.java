package io.crosstrace.hub.graphql;

import java.util.List;

import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;

/**
 * Lets a field answer from the request's {@link LookAhead} when a parent fetcher read its value ahead, and otherwise
 * run its own fetcher (a batch mapping, usually).
 *
 * <p>The look-ahead lives in the hub's one instrumentation, {@link RequestInstrumentation}, which also observes each
 * request ({@code graphql.request}) as Spring Boot's own would. graphql-java calls an instrumentation at every field of
 * a response (some 7,000 on a page of 100 consignments). Spring for GraphQL wraps the instrumentations in a chain even
 * when there is only one, and the chain's own bookkeeping at each field was about a sixth of that page's request
 * thread. So the hub installs its instrumentation directly, as long as it is the only one.
 */
@Configuration(proxyBeanMethods = false)
class LookAheadWiring {

    /** Takes the place of Spring Boot's observation instrumentation (which backs off when one is defined). */
    @Bean
    RequestInstrumentation graphQlRequestInstrumentation(ObservationRegistry observations) {
        return new RequestInstrumentation(observations);
    }

    @Bean
    GraphQlSourceBuilderCustomizer onlyInstrumentation(RequestInstrumentation instrumentation,
            ObjectProvider<Instrumentation> instrumentations) {
        return builder -> {
            List<Instrumentation> all = instrumentations.orderedStream().toList();
            if (all.size() == 1 && all.getFirst() == instrumentation) {
                builder.configureGraphQl(graphQl -> graphQl.instrumentation(instrumentation));
            }
        };
    }

    /**
     * Observes each request; a field whose value a parent read ahead returns it without the per-field work around a
     * fetcher (context propagation, an observation per call, a DataLoader future), which on a page of 100
     * consignments was most of the request's time; any other field runs its fetcher as usual.
     */
    static final class RequestInstrumentation extends GraphQlObservationInstrumentation {

        RequestInstrumentation(ObservationRegistry observations) {
            super(observations);
        }

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
                return super.instrumentDataFetcher(fetcher, parameters, state);
            }
            Object value = lookAhead.get(source, field);
            return readAhead -> value;
        }
    }
}
