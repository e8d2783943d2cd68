package io.crosstrace.hub.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;

import io.crosstrace.hub.HubIntegrationTest;

/** graphql-java calls the hub's one instrumentation at each field directly, with no chain around it. */
@HubIntegrationTest
class RequestInstrumentationTest {

    @Autowired
    GraphQlSource graphQl;
    @Autowired
    GraphQlObservationInstrumentation observation;

    @Test
    void the_request_instrumentation_is_installed_alone_and_is_the_only_observation_instrumentation() {
        assertThat(observation).isInstanceOf(LookAheadWiring.RequestInstrumentation.class);
        assertThat(graphQl.graphQl().getInstrumentation()).isSameAs(observation);
    }
}
