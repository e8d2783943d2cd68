package io.crosstrace.hub.search;

import java.util.ArrayList;
import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import io.crosstrace.hub.graphql.PageInfo;
import io.crosstrace.hub.graphql.PageRequest;

/** {@code search(text:)} over the full-text index. */
@Controller
class SearchGraphQlController {

    private final SearchService search;

    SearchGraphQlController(SearchService search) {
        this.search = search;
    }

    @QueryMapping
    SearchConnection search(@Argument String text, @Argument Integer first) {
        // Ranked results have no stable order to page through: one page of the best matches.
        PageRequest page = PageRequest.of(first, null);
        List<SearchHit> hits = search.search(text, page.first());
        List<SearchEdge> edges = new ArrayList<>();
        for (int i = 0; i < hits.size(); i++) {
            edges.add(new SearchEdge(Integer.toString(i), hits.get(i).node(), hits.get(i).score()));
        }
        return new SearchConnection(edges, new PageInfo(false, false,
                edges.isEmpty() ? null : edges.getFirst().cursor(), edges.isEmpty() ? null : edges.getLast().cursor()),
                (long) edges.size());
    }

    record SearchEdge(String cursor, Object node, double score) {
    }

    record SearchConnection(List<SearchEdge> edges, PageInfo pageInfo, Long totalCount) {
    }
}
