package io.crosstrace.hub.scan.activity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.crosstrace.hub.code.TraceCode;
import io.crosstrace.hub.code.TraceCodeService;
import io.crosstrace.hub.graphdb.GraphReads;
import io.crosstrace.hub.graphql.Connection;
import io.crosstrace.hub.graphql.PageRequest;

/** The inspectors' list of unit codes suspected of being cloned. */
@Service
@Transactional(readOnly = true)
public class FlaggedCodeService {

    private static final String FLAGGED = """
            MATCH (f:CloneFlag)-[:FLAGS]->(code:TraceCode)
            WHERE $rule IS NULL OR f.rule = $rule
            """;

    private final GraphReads graph;
    private final TraceCodeService codes;

    FlaggedCodeService(GraphReads graph, TraceCodeService codes) {
        this.graph = graph;
        this.codes = codes;
    }

    /**
     * Flagged codes, the one with the newest flag (of the rule asked, or of any rule) first. This is the one
     * way to list them: when partner security arrives, its inspectors-only authorisation goes on this method,
     * and every caller, GraphQL or workspace, passes through it.
     *
     * @param rule only codes flagged by this rule; null for any rule
     */
    public Connection<TraceCode> flaggedCodes(CloneRule rule, PageRequest page, boolean withTotal) {
        Map<String, Object> params = new HashMap<>();
        params.put("rule", rule == null ? null : rule.name());
        params.put("skip", page.offset());
        params.put("limit", page.limitPlusOne());
        List<String> paths = graph.list(FLAGGED + """
                WITH code, max(f.flaggedAt) AS newest
                RETURN code.path AS path ORDER BY newest DESC, path SKIP $skip LIMIT $limit""",
                params, r -> r.get("path").asString());
        Map<String, TraceCode> byPath = codes.traceCodesByPath(paths);
        List<TraceCode> rows = paths.stream().map(byPath::get).filter(Objects::nonNull).toList();
        return Connection.of(rows, page, withTotal ? graph.count(FLAGGED + "RETURN count(DISTINCT code)", params) : null);
    }
}
