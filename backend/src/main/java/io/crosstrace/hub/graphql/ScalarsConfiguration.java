package io.crosstrace.hub.graphql;

import graphql.scalars.ExtendedScalars;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** ISO-8601 {@code Date} and {@code DateTime} scalars. */
@Configuration(proxyBeanMethods = false)
class ScalarsConfiguration {

    @Bean
    RuntimeWiringConfigurer crossTraceScalars() {
        return wiring -> wiring.scalar(ExtendedScalars.Date).scalar(ExtendedScalars.DateTime);
    }
}
