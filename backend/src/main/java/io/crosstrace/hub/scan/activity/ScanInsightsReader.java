package io.crosstrace.hub.scan.activity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.crosstrace.hub.graphdb.GraphReads;

/** Reads scan counts and clone flags of many codes in one statement. */
@Component
@Transactional(readOnly = true)
public class ScanInsightsReader {

    /**
     * The columns {@code scanCount} and {@code flags} of a matched {@code code}, for statements that read more of
     * the code at the same time. The count is the code's SCANNED degree, which Neo4j keeps: no scan is visited.
     */
    public static final String COLUMNS = """
            COUNT { (code)<-[:SCANNED]-() } AS scanCount,
            [(code)<-[:FLAGS]-(f:CloneFlag) | f{.rule, .reason, .reasonZh, .flaggedAt}] AS flags""";

    private static final String INSIGHTS = """
            UNWIND $paths AS path
            MATCH (code:TraceCode {path: path})
            RETURN path AS key, """ + COLUMNS;

    private final GraphReads graph;

    ScanInsightsReader(GraphReads graph) {
        this.graph = graph;
    }

    /** An entry for every path asked: unknown or never scanned codes have {@link ScanInsights#NONE}. */
    public Map<String, ScanInsights> insights(Collection<String> codePaths) {
        List<String> paths = List.copyOf(new LinkedHashSet<>(codePaths));
        Map<String, ScanInsights> result = new LinkedHashMap<>();
        paths.forEach(path -> result.put(path, ScanInsights.NONE));
        graph.list(INSIGHTS, Map.of("paths", paths), r -> Map.entry(r.get("key").asString(), from(r)))
                .forEach(found -> result.put(found.getKey(), found.getValue()));
        return result;
    }

    /** The insights of a record holding the {@link #COLUMNS}. */
    public static ScanInsights from(Record record) {
        return new ScanInsights(record.get("scanCount").asLong(), flags(record.get("flags")));
    }

    /**
     * One flag per rule, newest first. Two hub instances writing to one database can both raise a rule for
     * a code at the same moment; the first raised stands.
     */
    private static List<CloneFlag> flags(Value list) {
        Map<String, CloneFlag> firstPerRule = new LinkedHashMap<>();
        list.asList(f -> new CloneFlag(f.get("rule").asString(), f.get("reason").asString(),
                        CloneDetector.instant(f.get("flaggedAt")), f.get("reasonZh").isNull() ? null : f.get("reasonZh").asString()))
                .stream().sorted(Comparator.comparing(CloneFlag::flaggedAt))
                .forEach(flag -> firstPerRule.putIfAbsent(flag.rule(), flag));
        List<CloneFlag> flags = new ArrayList<>(firstPerRule.values());
        flags.sort(Comparator.comparing(CloneFlag::flaggedAt).reversed().thenComparing(CloneFlag::rule));
        return flags;
    }
}
