package io.crosstrace.hub.graphql;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlResponse;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import io.crosstrace.hub.security.CurrentActor;
import reactor.core.publisher.Mono;

/**
 * Size limits for every GraphQL request, and no schema introspection for anonymous callers in production. Depth and
 * complexity are checked where each document is parsed ({@link OperationLimits}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GraphQlLimits.class)
class GraphQlHardening {

    /** {@code __schema} or {@code __type} as a field; {@code __typename} is not introspection of the schema. */
    static final Pattern INTROSPECTION = Pattern.compile("\\b__(schema|type)\\b");

    @Bean
    WebGraphQlInterceptor anonymousIntrospection(GraphQlLimits limits) {
        return (request, chain) -> {
            if (!limits.anonymousIntrospection() && CurrentActor.get().isAnonymous()
                    && INTROSPECTION.matcher(request.getDocument()).find()) {
                ExecutionResult refused = ExecutionResult.newExecutionResult().errors(List.of(GraphqlErrorBuilder.newError()
                        .message("Schema introspection needs a partner's access token")
                        .errorType(org.springframework.graphql.execution.ErrorType.UNAUTHORIZED).build())).build();
                return Mono.just(new WebGraphQlResponse(new org.springframework.graphql.support.DefaultExecutionGraphQlResponse(
                        request.toExecutionInput(), refused)));
            }
            return chain.next(request);
        };
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimit(GraphQlLimits limits) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestSizeLimitFilter(limits.maxRequestBytes()));
        registration.addUrlPatterns("/graphql", "/api/*");
        // Before security and parsing: an oversized body is refused before anything reads it.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

}
