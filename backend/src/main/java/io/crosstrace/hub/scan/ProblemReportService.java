package io.crosstrace.hub.scan;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.crosstrace.hub.graphdb.GraphReads;
import io.crosstrace.hub.graphql.Connection;
import io.crosstrace.hub.graphql.PageRequest;

/** Stores consumers' problem reports against the unit they scanned, and lists them for inspectors. */
@Service
public class ProblemReportService {

    static final int MAX_WHAT = 1000;
    static final int MAX_FIELD = 200;

    private final Neo4jClient neo4j;
    private final GraphReads graph;

    ProblemReportService(Neo4jClient neo4j, GraphReads graph) {
        this.neo4j = neo4j;
        this.graph = graph;
    }

    /** Stores a report about a registered unit; empty when no unit has that path. */
    @Transactional
    Optional<ProblemReport> report(String codePath, String what, String whereBought, String contact, String language) {
        Map<String, Object> params = new HashMap<>();
        params.put("path", codePath);
        params.put("number", "PR-" + UUID.randomUUID());
        params.put("what", what);
        params.put("where", whereBought);
        params.put("contact", contact);
        params.put("language", language);
        return neo4j.query("""
                MATCH (c:TraceCode {path: $path})
                CREATE (r:ProblemReport {number: $number, codePath: $path, what: $what, whereBought: $where,
                                         contact: $contact, language: $language, reportedAt: datetime()})-[:ABOUT]->(c)
                RETURN r{.*} AS r""").bindAll(params).fetchAs(ProblemReport.class)
                .mappedBy((types, record) -> ProblemReport.from(record.get("r"))).one();
    }

    @Transactional(readOnly = true)
    public Map<String, ProblemReport> reportsByNumber(Collection<String> numbers) {
        return GraphReads.indexBy(graph.list("MATCH (r:ProblemReport) WHERE r.number IN $keys RETURN r{.*} AS r",
                Map.of("keys", List.copyOf(numbers)), r -> ProblemReport.from(r.get("r"))), ProblemReport::number);
    }

    /**
     * Reports, newest first. Visible to the port inspection authority: the single place where partner
     * security will put its authorization rule.
     */
    @Transactional(readOnly = true)
    public Connection<ProblemReport> reports(PageRequest page, boolean withTotal) {
        return graph.page("MATCH (r:ProblemReport)", "r{.*}", "r.reportedAt DESC, r.number", Map.of(), page, withTotal,
                ProblemReport::from);
    }
}
