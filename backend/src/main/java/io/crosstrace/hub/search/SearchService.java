package io.crosstrace.hub.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.crosstrace.hub.graphdb.GraphReads;
import io.crosstrace.hub.graphql.BadInputException;
import io.crosstrace.hub.graphql.NodeFetcher;

/**
 * Full-text search over names and numbers (the {@code search_names_numbers} index). The user's words are
 * escaped, so Lucene syntax typed by a user is searched for, not executed.
 */
@Service
@Transactional(readOnly = true)
public class SearchService {

    static final int MAX_TEXT_LENGTH = 200;
    private static final Pattern LUCENE_SPECIAL = Pattern.compile("([+\\-&|!(){}\\[\\]^\"~*?:\\\\/])");

    private final GraphReads graph;
    private final Map<String, NodeFetcher> fetchers;

    SearchService(GraphReads graph, List<NodeFetcher> fetchers) {
        this.graph = graph;
        this.fetchers = fetchers.stream().collect(Collectors.toMap(NodeFetcher::typeName, Function.identity()));
    }

    /** The best {@code limit} matches, best first. */
    public List<SearchHit> search(String text, int limit) {
        io.crosstrace.hub.security.CurrentActor.require();
        String query = luceneQuery(text);
        List<Map.Entry<String[], Double>> rows = graph.list("""
                CALL db.index.fulltext.queryNodes('search_names_numbers', $query, {limit: $limit}) YIELD node, score
                RETURN [l IN labels(node) WHERE l IN $types][0] AS type,
                       coalesce(CASE WHEN node:Batch THEN node.gtin + '/' + node.lot END,
                                node.declarationNumber, node.gtin, node.number, node.gln) AS key, score
                """, Map.of("query", query, "limit", limit, "types", List.copyOf(fetchers.keySet())),
                r -> Map.entry(new String[] {r.get("type").asString(null), r.get("key").asString(null)},
                        r.get("score").asDouble()));
        Map<String, Set<String>> keysByType = new LinkedHashMap<>();
        rows.stream().filter(row -> row.getKey()[0] != null && row.getKey()[1] != null)
                .forEach(row -> keysByType.computeIfAbsent(row.getKey()[0], t -> new LinkedHashSet<>()).add(row.getKey()[1]));
        Map<String, Map<String, ?>> found = new LinkedHashMap<>();
        keysByType.forEach((type, keys) -> found.put(type, fetchers.get(type).fetchByKeys(keys)));
        List<SearchHit> hits = new ArrayList<>();
        for (Map.Entry<String[], Double> row : rows) {
            Map<String, ?> ofType = found.get(row.getKey()[0]);
            Object node = ofType == null ? null : ofType.get(row.getKey()[1]);
            if (node != null) {
                hits.add(new SearchHit(node, row.getValue()));
            }
        }
        return hits;
    }

    /**
     * Every word must match, as a whole word or as a prefix. Words are lower-cased, which is what the
     * index's analyzer does anyway, and keeps AND, OR and NOT from being read as operators.
     */
    static String luceneQuery(String text) {
        if (text == null || text.isBlank()) {
            throw new BadInputException("Search text must not be empty");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new BadInputException("Search text is at most " + MAX_TEXT_LENGTH + " characters");
        }
        List<String> clauses = new ArrayList<>();
        for (String word : text.strip().toLowerCase(Locale.ROOT).split("\\s+")) {
            String escaped = LUCENE_SPECIAL.matcher(word).replaceAll("\\\\$1");
            clauses.add("(" + escaped + " OR " + escaped + "*)");
        }
        return String.join(" AND ", clauses);
    }
}
