package io.crosstrace.hub.graphql;

import java.util.ArrayList;
import java.util.List;

/**
 * A Relay connection. {@code totalCount} is null when the client did not ask for it, so the count query
 * runs only when needed.
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, Long totalCount) {

    /**
     * Builds a page from the rows fetched for it: the page request fetches one row more than it returns,
     * which tells whether there is a next page without counting.
     */
    public static <T> Connection<T> of(List<T> rowsPlusOne, PageRequest page, Long totalCount) {
        boolean hasNext = rowsPlusOne.size() > page.first();
        List<T> rows = hasNext ? rowsPlusOne.subList(0, page.first()) : rowsPlusOne;
        List<Edge<T>> edges = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            edges.add(new Edge<>(PageRequest.cursorAt(page.offset() + i), rows.get(i)));
        }
        PageInfo info = new PageInfo(hasNext, page.offset() > 0,
                edges.isEmpty() ? null : edges.getFirst().cursor(),
                edges.isEmpty() ? null : edges.getLast().cursor());
        return new Connection<>(List.copyOf(edges), info, totalCount);
    }

    public List<T> nodes() {
        return edges.stream().map(Edge::node).toList();
    }
}
