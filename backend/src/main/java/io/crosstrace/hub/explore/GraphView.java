package io.crosstrace.hub.explore;

import java.util.List;
import java.util.Map;

/**
 * A piece of the graph to draw: nodes addressed by {@code Kind:key} IDs and the relationships between them.
 *
 * @param truncated true when a node had more neighbours than were returned
 */
public record GraphView(List<Node> nodes, List<Edge> edges, boolean truncated) {

    /** A node: its explorer ID ({@code Kind:key}), kind, caption and the properties the caller may read. */
    public record Node(String id, String kind, String caption, Map<String, Object> properties) {
    }

    /** A relationship from {@code source} to {@code target} (explorer IDs). */
    public record Edge(String source, String type, String target) {
    }

    public static GraphView empty() {
        return new GraphView(List.of(), List.of(), false);
    }
}
