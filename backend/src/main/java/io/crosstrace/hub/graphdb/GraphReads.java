package io.crosstrace.hub.graphdb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

import io.crosstrace.hub.graphql.Connection;
import io.crosstrace.hub.graphql.PageRequest;

/**
 * The one way features read the graph: parameterised Cypher through Spring's {@link Neo4jClient}, so
 * reads join the caller's transaction and every statement is counted.
 */
@Component
public class GraphReads {

    private final Neo4jClient client;

    GraphReads(Neo4jClient client) {
        this.client = client;
    }

    public <T> List<T> list(String cypher, Map<String, Object> parameters, Function<Record, T> mapper) {
        return List.copyOf(client.query(cypher).bindAll(parameters).fetchAs(Object.class)
                .mappedBy((types, record) -> mapper.apply(record)).all().stream().map(this::<T>cast).toList());
    }

    public <T> Optional<T> one(String cypher, Map<String, Object> parameters, Function<Record, T> mapper) {
        List<T> rows = list(cypher, parameters, mapper);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    /** Runs a statement whose rows have a {@code key} column and groups the mapped rows by it, in order. */
    public <T> Map<String, List<T>> grouped(String cypher, Map<String, Object> parameters, Function<Record, T> mapper) {
        Map<String, List<T>> groups = new LinkedHashMap<>();
        for (Map.Entry<String, T> row : list(cypher, parameters, r -> Map.entry(r.get("key").asString(), mapper.apply(r)))) {
            groups.computeIfAbsent(row.getKey(), k -> new ArrayList<>()).add(row.getValue());
        }
        return groups;
    }

    /** Indexes rows by their business key. */
    public static <T> Map<String, T> indexBy(List<T> rows, Function<T, String> key) {
        Map<String, T> index = new LinkedHashMap<>();
        rows.forEach(row -> index.putIfAbsent(key.apply(row), row));
        return index;
    }

    /**
     * One page of a list: {@code match} is fixed Cypher binding the rows with {@code $parameters} from
     * {@code filters}; {@code projection} is returned per row, in {@code order} (which must end in a unique key
     * so pages do not overlap). The count runs only when asked for.
     */
    public <T> Connection<T> page(String match, String projection, String order, Map<String, Object> filters,
            PageRequest page, boolean withTotal, Function<Value, T> mapper) {
        Map<String, Object> parameters = new HashMap<>(filters);
        parameters.put("skip", page.offset());
        parameters.put("limit", page.limitPlusOne());
        List<T> rows = list(match + " RETURN " + projection + " AS row ORDER BY " + order + " SKIP $skip LIMIT $limit",
                parameters, r -> mapper.apply(r.get("row")));
        return Connection.of(rows, page, withTotal ? count(match + " RETURN count(*)", parameters) : null);
    }

    public long count(String cypher, Map<String, Object> parameters) {
        return one(cypher, parameters, r -> r.get(0).asLong()).orElse(0L);
    }

    @SuppressWarnings("unchecked")
    private <T> T cast(Object o) {
        return (T) o;
    }
}
