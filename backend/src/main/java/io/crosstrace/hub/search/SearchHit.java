package io.crosstrace.hub.search;

/** One search result: a node of any type and how well it matched. */
public record SearchHit(Object node, double score) {
}
