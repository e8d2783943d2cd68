package io.crosstrace.hub.risk;

import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import io.crosstrace.hub.batch.Batch;
import io.crosstrace.hub.graphql.Connection;
import io.crosstrace.hub.graphql.Links;
import io.crosstrace.hub.graphql.PageInfo;
import io.crosstrace.hub.graphql.PageRequest;
import io.crosstrace.hub.logistics.Consignment;

/** Risk scores over GraphQL: {@code riskOf}, {@code riskQueue} and the {@code risk} fields of consignments and batches. */
@Controller
class RiskGraphQlController {

    record RiskQueueEdge(String cursor, Consignment node, RiskScore risk) {
    }

    record RiskQueueConnection(List<RiskQueueEdge> edges, PageInfo pageInfo, Long totalCount) {
    }

    private final RiskService risk;

    RiskGraphQlController(RiskService risk) {
        this.risk = risk;
    }

    @QueryMapping
    RiskScore riskOf(@Argument String subject) {
        return risk.riskOf(subject).orElse(null);
    }

    @QueryMapping
    RiskQueueConnection riskQueue(@Argument Integer first, @Argument String after, @Argument RiskLevel minLevel) {
        Connection<RiskService.QueueEntry> page = risk.queue(minLevel, PageRequest.of(first, after));
        return new RiskQueueConnection(page.edges().stream()
                .map(e -> new RiskQueueEdge(e.cursor(), e.node().consignment(), e.node().risk())).toList(),
                page.pageInfo(), page.totalCount());
    }

    /** One statement for all consignments of a page; null for callers who may not read risk (no error). */
    @BatchMapping(typeName = "Consignment", field = "risk")
    Map<Consignment, RiskScore> consignmentRisk(List<Consignment> consignments) {
        return Links.one(consignments, Consignment::declarationNumber, risk::consignmentScores);
    }

    @BatchMapping(typeName = "Batch", field = "risk")
    Map<Batch, RiskScore> batchRisk(List<Batch> batches) {
        return Links.one(batches, Batch::key, risk::batchScores);
    }
}
