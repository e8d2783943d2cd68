package io.crosstrace.hub.explore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.neo4j.driver.Value;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Relationship;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.crosstrace.hub.graphql.BadInputException;
import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.CurrentActor;
import io.crosstrace.hub.security.Role;
import io.crosstrace.hub.security.Visibility;

/**
 * Reads for the analysts' graph explorer: a node and its neighbours by relationship type, the path from a unit code
 * to its origin, and a recall's reach. Only analysts and platform administrators explore; every neighbour passes the
 * partner visibility rules ({@link Visibility}), commercial documents and shipping papers stay with administrators,
 * and nodes are addressed by business keys, never database IDs.
 */
@Service
@Transactional(readOnly = true)
public class GraphExplorerService {

    /** Neighbours per expansion: a batch has thousands of units, the screen shows a sample and says so. */
    public static final int MAX_NEIGHBOURS = 60;
    /** Neighbours per relationship type when all types are expanded at once. */
    public static final int PER_TYPE = 12;
    /** Shipping papers: administrators only (see {@code Visibility.shipmentPapers}). */
    private static final Set<String> PAPER_PROPERTIES = Set.of("billOfLading", "seal", "container");

    private static final String VISIBLE_NEIGHBOUR = """
            any(l IN labels(m) WHERE l IN $kinds)
            AND (NOT m:Document OR $v_admin)
            AND (NOT m:Batch OR %s)
            AND (NOT m:Shipment OR %s)
            AND (NOT m:Consignment OR %s)
            AND (NOT m:Inspection OR %s)""".formatted(Visibility.batch("m"), Visibility.shipment("m"),
            Visibility.consignment("m"), Visibility.inspection("m"));

    private final Neo4jClient neo4j;

    GraphExplorerService(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** One node with its properties, by explorer ID ({@code Kind:key}); empty when there is none. */
    public Optional<GraphView.Node> node(String id) {
        Actor actor = reader();
        Ref ref = Ref.parse(id);
        return neo4j.query("MATCH (n) WHERE " + ref.kind.match() + " RETURN n LIMIT 1")
                .bindAll(ref.parameters()).fetchAs(GraphView.Node.class)
                .mappedBy((types, record) -> node(record.get("n"), actor)).one();
    }

    /**
     * How many visible neighbours the node has, per relationship type (and direction, as {@code TYPE>} outgoing or
     * {@code <TYPE} incoming): what the explorer offers to expand.
     */
    public Map<String, Long> relationshipCounts(String id) {
        Actor actor = reader();
        Ref ref = Ref.parse(id);
        Map<String, Object> parameters = parameters(actor, ref);
        Map<String, Long> counts = new LinkedHashMap<>();
        neo4j.query("MATCH (n) WHERE " + ref.kind.match() + " " + """
                 MATCH (n)-[r]-(m) WHERE %s
                 RETURN CASE WHEN startNode(r) = n THEN type(r) + '>' ELSE '<' + type(r) END AS rel, count(*) AS n
                 ORDER BY rel""".formatted(VISIBLE_NEIGHBOUR))
                .bindAll(parameters).fetch().all()
                .forEach(row -> counts.put((String) row.get("rel"), (Long) row.get("n")));
        return counts;
    }

    /**
     * The node and its visible neighbours, along one relationship type (e.g. {@code CARRIES}) or along all of them. A
     * sample of each type is returned, so a batch's thousands of units never crowd out its product and premises.
     */
    public GraphView neighbours(String id, String relationshipType) {
        Actor actor = reader();
        Ref ref = Ref.parse(id);
        if (relationshipType != null && !relationshipType.matches("[A-Z_]{1,40}")) {
            throw new BadInputException("Not a relationship type: " + relationshipType);
        }
        int perType = relationshipType == null ? PER_TYPE : MAX_NEIGHBOURS;
        Map<String, Object> parameters = parameters(actor, ref);
        parameters.put("type", relationshipType);
        parameters.put("limit", perType + 1);
        List<Map.Entry<String, Path>> rows = List.copyOf(neo4j.query("MATCH (n) WHERE " + ref.kind.match() + " " + """
                CALL (n) { MATCH (n)-[r]-() WHERE $type IS NULL OR type(r) = $type RETURN DISTINCT type(r) AS t }
                CALL (n, t) {
                    MATCH p = (n)-[r]-(m) WHERE type(r) = t AND %s
                    RETURN p ORDER BY elementId(m) LIMIT $limit
                }
                RETURN t, p""".formatted(VISIBLE_NEIGHBOUR))
                .bindAll(parameters).fetchAs(Map.Entry.class)
                .mappedBy((types, record) -> Map.entry(record.get("t").asString(), record.get("p").asPath())).all()
                .stream().map(e -> (Map.Entry<String, Path>) e).toList());
        Map<String, List<Path>> byType = new LinkedHashMap<>();
        rows.forEach(row -> byType.computeIfAbsent(row.getKey(), t -> new ArrayList<>()).add(row.getValue()));
        boolean truncated = byType.values().stream().anyMatch(paths -> paths.size() > perType);
        List<Path> shown = byType.values().stream().flatMap(paths -> paths.stream().limit(perType)).toList();
        GraphView view = view(shown, actor, truncated);
        return view.nodes().isEmpty() ? node(id).map(n -> new GraphView(List.of(n), List.of(), false)).orElse(view) : view;
    }

    /**
     * From a unit code to its origin, as the scan page walks it: code, batch, product, premises and operator, and the
     * shipment, consignment and port it travelled through.
     */
    public GraphView originOf(String unitPath) {
        Actor actor = reader();
        Map<String, Object> parameters = new HashMap<>(Visibility.parameters(actor));
        parameters.put("path", unitPath);
        return view(paths("""
                MATCH (c:TraceCode {path: $path})<-[:HAS_UNIT]-(b:Batch)
                CALL (c, b) {
                    MATCH p = (c)<-[:HAS_UNIT]-(b)-[:OF_PRODUCT]->(:Product) RETURN p
                    UNION MATCH p = (b)<-[:PRODUCED]-(:Premises)<-[:OPERATES]-(:Organization) RETURN p
                    UNION MATCH p = (b)<-[:CARRIES]-(s:Shipment)<-[:SHIPPED_AS]-(k:Consignment)-[:ARRIVES_AT]->(:Location)
                          WHERE %s AND %s RETURN p
                    UNION MATCH p = (b)<-[:CERTIFIES]-(:Certificate) RETURN p
                }
                RETURN p""".formatted(Visibility.shipment("s"), Visibility.consignment("k")), parameters), actor, false);
    }

    /** A recall's reach: its batches, the shipments that carried them, the consignments and importers they reached. */
    public GraphView recallReach(String recallNumber) {
        Actor actor = reader();
        Map<String, Object> parameters = new HashMap<>(Visibility.parameters(actor));
        parameters.put("number", recallNumber);
        return view(paths("""
                MATCH (r:Recall {number: $number})-[:RECALLS]->(b:Batch)
                CALL (r, b) {
                    MATCH p = (r)-[:RECALLS]->(b) RETURN p
                    UNION MATCH p = (b)<-[:CARRIES]-(s:Shipment)<-[:SHIPPED_AS]-(k:Consignment)<-[:IMPORTS]-(:Organization)
                          WHERE %s AND %s RETURN p
                }
                RETURN p""".formatted(Visibility.shipment("s"), Visibility.consignment("k")), parameters), actor, false);
    }

    private static Actor reader() {
        return CurrentActor.require(Role.ANALYST, Role.PLATFORM_ADMIN);
    }

    private static Map<String, Object> parameters(Actor actor, Ref ref) {
        Map<String, Object> parameters = new HashMap<>(Visibility.parameters(actor));
        parameters.putAll(ref.parameters());
        parameters.put("kinds", java.util.Arrays.stream(NodeKind.values()).map(Enum::name).toList());
        return parameters;
    }

    private List<Path> paths(String cypher, Map<String, Object> parameters) {
        return List.copyOf(neo4j.query(cypher).bindAll(parameters).fetchAs(Path.class)
                .mappedBy((types, record) -> record.get("p").asPath()).all());
    }

    private static GraphView view(List<Path> paths, Actor actor, boolean truncated) {
        Map<String, GraphView.Node> nodes = new LinkedHashMap<>();
        Map<String, String> explorerIds = new HashMap<>();
        for (Path path : paths) {
            for (org.neo4j.driver.types.Node n : path.nodes()) {
                GraphView.Node node = node(n, actor);
                if (node != null) {
                    nodes.putIfAbsent(node.id(), node);
                    explorerIds.put(n.elementId(), node.id());
                }
            }
        }
        List<GraphView.Edge> edges = new ArrayList<>();
        for (Path path : paths) {
            for (Relationship r : path.relationships()) {
                String source = explorerIds.get(r.startNodeElementId());
                String target = explorerIds.get(r.endNodeElementId());
                GraphView.Edge edge = new GraphView.Edge(source, r.type(), target);
                if (source != null && target != null && !edges.contains(edge)) {
                    edges.add(edge);
                }
            }
        }
        return new GraphView(List.copyOf(nodes.values()), List.copyOf(edges), truncated);
    }

    private static GraphView.Node node(Value value, Actor actor) {
        return node(value.asNode(), actor);
    }

    private static GraphView.Node node(org.neo4j.driver.types.Node n, Actor actor) {
        NodeKind kind = NodeKind.of(n.labels()).orElse(null);
        if (kind == null) {
            return null;
        }
        Map<String, Object> properties = new LinkedHashMap<>(n.asMap(v -> v.isNull() ? null : v.asObject()));
        if (kind == NodeKind.Shipment && !actor.has(Role.PLATFORM_ADMIN)) {
            properties.keySet().removeAll(PAPER_PROPERTIES);
        }
        properties.replaceAll((k, v) -> v instanceof java.time.temporal.TemporalAccessor || v instanceof List<?> ? String.valueOf(v) : v);
        Object caption = properties.get(kind.captionProperty);
        String key = kind.keyOf(properties);
        return new GraphView.Node(kind.name() + ":" + key, kind.name(), caption == null ? key : String.valueOf(caption),
                Map.copyOf(withoutNulls(properties)));
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> properties) {
        Map<String, Object> kept = new LinkedHashMap<>();
        properties.forEach((k, v) -> {
            if (v != null) {
                kept.put(k, v);
            }
        });
        return kept;
    }

    /** An explorer ID taken apart: {@code Kind:key}. */
    private record Ref(NodeKind kind, String key) {

        static Ref parse(String id) {
            int colon = id == null ? -1 : id.indexOf(':');
            if (colon < 1) {
                throw new BadInputException("Not an explorer node ID (Kind:key): " + id);
            }
            NodeKind kind;
            try {
                kind = NodeKind.valueOf(id.substring(0, colon));
            } catch (IllegalArgumentException e) {
                throw new BadInputException("No such kind of node: " + id.substring(0, colon));
            }
            return new Ref(kind, id.substring(colon + 1));
        }

        Map<String, Object> parameters() {
            if (kind == NodeKind.Batch) {
                Map<String, Object> key = io.crosstrace.hub.batch.Batch.keyParameters(this.key);
                return new HashMap<>(Map.of("k1", key.get("gtin"), "k2", key.get("lot")));
            }
            return new HashMap<>(Map.of("k1", key));
        }
    }
}
