package io.crosstrace.hub.graphql;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

import graphql.GraphQLContext;

/**
 * Field values a data fetcher read ahead for objects it returns, so that those fields resolve from memory instead of
 * through a DataLoader and another statement each. A page fetcher that sees nested fields in the selection reads them
 * with its own rows, in one statement, and records them here; {@link LookAheadWiring} makes every field look
 * here first and fall back to its usual fetcher.
 *
 * <p>Values are keyed by the identity of the object they belong to, which is the object graphql-java passes as the
 * source of its fields: equal records read elsewhere in the same request never pick up values they were not read
 * with. One instance per request, in its {@link GraphQLContext}; it is filled before the objects are returned, and
 * only read afterwards.
 */
public final class LookAhead {

    private final Map<Object, Map<String, Object>> values = new IdentityHashMap<>();

    /** The request's look-ahead, created on first use. */
    public static LookAhead of(GraphQLContext context) {
        return context.computeIfAbsent(LookAhead.class, key -> new LookAhead());
    }

    /** Records the value (possibly null) of {@code field} of {@code source}. */
    public void put(Object source, String field, Object value) {
        values.computeIfAbsent(source, key -> new HashMap<>(4)).put(field, value);
    }

    boolean has(Object source, String field) {
        Map<String, Object> fields = values.get(source);
        return fields != null && fields.containsKey(field);
    }

    Object get(Object source, String field) {
        return values.get(source).get(field);
    }
}
