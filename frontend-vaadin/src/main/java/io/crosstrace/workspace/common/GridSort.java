package io.crosstrace.workspace.common;

import java.util.Map;

import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.SortDirection;

/**
 * Turns a grid's sort order into one of a service's fixed orders. Column keys map to a pair of enum constants
 * (ascending, descending), so what the browser sends never reaches Cypher: an unknown key falls back to the default.
 */
public final class GridSort {

    private GridSort() {
    }

    public static <E extends Enum<E>> E order(Query<?, ?> query, Map<String, E[]> orders, E fallback) {
        for (var sort : query.getSortOrders()) {
            E[] pair = orders.get(sort.getSorted());
            if (pair != null) {
                return pair[sort.getDirection() == SortDirection.ASCENDING ? 0 : 1];
            }
        }
        return fallback;
    }
}
