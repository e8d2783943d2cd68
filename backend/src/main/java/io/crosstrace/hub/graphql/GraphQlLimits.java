package io.crosstrace.hub.graphql;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits that keep one GraphQL request from exhausting the hub.
 *
 * @param maxDepth                the deepest field nesting a query may have
 * @param maxComplexity           the most fields a query may select in all (each field counts one)
 * @param maxRequestBytes         the largest request body accepted on {@code /graphql} and {@code /api}; larger is a 413
 * @param anonymousIntrospection  whether callers without a token may introspect the schema; off in the prod profile
 */
@ConfigurationProperties("crosstrace.graphql")
public record GraphQlLimits(
        @DefaultValue("15") int maxDepth,
        @DefaultValue("1000") int maxComplexity,
        @DefaultValue("262144") long maxRequestBytes,
        @DefaultValue("true") boolean anonymousIntrospection) {
}
