package io.crosstrace.hub.graphql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code node(id)} and {@code nodes(ids)}: any object by its global ID, one query per type asked for. */
@Controller
class NodeController {

    private static final int MAX_IDS = 500;

    private final Map<String, NodeFetcher> fetchers;

    NodeController(List<NodeFetcher> fetchers) {
        this.fetchers = fetchers.stream().collect(Collectors.toMap(NodeFetcher::typeName, Function.identity()));
    }

    @QueryMapping
    Object node(@Argument String id) {
        GlobalId globalId = GlobalId.parse(id);
        Object found = fetcherFor(globalId, id).fetchByKeys(List.of(globalId.key())).get(globalId.key());
        if (found == null) {
            throw new NotFoundException("No " + globalId.type() + " with ID '" + id + "'");
        }
        return found;
    }

    @QueryMapping
    List<Object> nodes(@Argument List<String> ids) {
        if (ids.size() > MAX_IDS) {
            throw new BadInputException("At most " + MAX_IDS + " IDs per call (was " + ids.size() + ")");
        }
        List<GlobalId> parsed = ids.stream().map(GlobalId::parse).toList();
        Map<String, Set<String>> keysByType = new LinkedHashMap<>();
        for (int i = 0; i < parsed.size(); i++) {
            fetcherFor(parsed.get(i), ids.get(i));
            keysByType.computeIfAbsent(parsed.get(i).type(), t -> new LinkedHashSet<>()).add(parsed.get(i).key());
        }
        Map<String, Map<String, ?>> foundByType = new LinkedHashMap<>();
        keysByType.forEach((type, keys) -> foundByType.put(type, fetchers.get(type).fetchByKeys(keys)));
        List<Object> result = new ArrayList<>(parsed.size());
        for (GlobalId id : parsed) {
            result.add(foundByType.get(id.type()).get(id.key()));
        }
        return result;
    }

    private NodeFetcher fetcherFor(GlobalId globalId, String id) {
        NodeFetcher fetcher = fetchers.get(globalId.type());
        if (fetcher == null) {
            throw new BadInputException("Malformed ID: '" + id + "'");
        }
        return fetcher;
    }
}
