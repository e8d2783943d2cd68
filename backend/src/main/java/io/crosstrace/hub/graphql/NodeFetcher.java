package io.crosstrace.hub.graphql;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;

/**
 * How {@code node(id)} and {@code nodes(ids)} find objects of one type: each feature registers one per
 * {@code Node} type it owns, so the global-ID plumbing knows no feature.
 */
public interface NodeFetcher {

    /** The GraphQL type name, which is also the type part of the global ID. */
    String typeName();

    /** Finds the objects with these business keys in one query; missing keys are absent from the map. */
    Map<String, ?> fetchByKeys(Collection<String> keys);

    static NodeFetcher of(String typeName, Function<Collection<String>, Map<String, ?>> fetch) {
        return new NodeFetcher() {
            @Override
            public String typeName() {
                return typeName;
            }

            @Override
            public Map<String, ?> fetchByKeys(Collection<String> keys) {
                return fetch.apply(keys);
            }
        };
    }
}
