package io.crosstrace.hub.graphql;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Glue for {@code @BatchMapping} methods: resolves what each of many parents refers to with one lookup
 * over all their keys, so a child field costs one statement per page, not one per parent.
 */
public final class Links {

    private Links() {
    }

    /** Each parent's single referenced object, e.g. a consignment's importer. */
    public static <P, V> Map<P, V> one(List<P> parents, Function<P, String> keyOf,
            Function<Collection<String>, Map<String, V>> lookup) {
        Map<String, V> found = lookup.apply(parents.stream().map(keyOf).filter(Objects::nonNull).distinct().toList());
        Map<P, V> result = new HashMap<>();
        for (P parent : parents) {
            V value = found.get(keyOf.apply(parent));
            if (value != null) {
                result.put(parent, value);
            }
        }
        return result;
    }

    /** Each parent's list of related objects, e.g. a batch's certificates; empty when none. */
    public static <P, V> Map<P, List<V>> many(List<P> parents, Function<P, String> keyOf,
            Function<Collection<String>, Map<String, List<V>>> lookup) {
        Map<String, List<V>> found = lookup.apply(parents.stream().map(keyOf).distinct().toList());
        Map<P, List<V>> result = new HashMap<>();
        for (P parent : parents) {
            result.put(parent, found.getOrDefault(keyOf.apply(parent), List.of()));
        }
        return result;
    }
}
