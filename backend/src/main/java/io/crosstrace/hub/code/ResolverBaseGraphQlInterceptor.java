package io.crosstrace.hub.code;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Hands the resolver base URL of the HTTP request to GraphQL fields that render signed URIs: data fetchers
 * may run on other threads than the request's, so they read it from the GraphQL context instead.
 */
@Component
class ResolverBaseGraphQlInterceptor implements WebGraphQlInterceptor {

    static final String CONTEXT_KEY = "crosstrace.resolverBase";

    private final ResolverBaseUrl resolverBase;

    ResolverBaseGraphQlInterceptor(ResolverBaseUrl resolverBase) {
        this.resolverBase = resolverBase;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        String base = resolverBase.of(request.getUri().toUri());
        request.configureExecutionInput((input, builder) -> {
            input.getGraphQLContext().put(CONTEXT_KEY, base);
            return input;
        });
        return chain.next(request);
    }
}
