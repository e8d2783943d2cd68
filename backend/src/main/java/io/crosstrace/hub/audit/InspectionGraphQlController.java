package io.crosstrace.hub.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import graphql.schema.DataFetchingEnvironment;

import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import io.crosstrace.hub.batch.Batch;
import io.crosstrace.hub.graphql.Connection;
import io.crosstrace.hub.graphql.Links;
import io.crosstrace.hub.graphql.NodeFetcher;
import io.crosstrace.hub.graphql.PageRequest;
import io.crosstrace.hub.graphql.Selections;
import io.crosstrace.hub.registry.Organization;
import io.crosstrace.hub.registry.Premises;
import io.crosstrace.hub.registry.RegistryService;

/** GraphQL reads of inspections, and the inspection fields of batches and premises. */
@Controller
class InspectionGraphQlController {

    private final InspectionService inspections;
    private final RegistryService registry;
    private final List<NodeFetcher> nodeFetchers;

    InspectionGraphQlController(InspectionService inspections, RegistryService registry, List<NodeFetcher> nodeFetchers) {
        this.inspections = inspections;
        this.registry = registry;
        this.nodeFetchers = nodeFetchers;
    }

    @QueryMapping
    Connection<Inspection> inspections(@Argument String kind, @Argument String result, @Argument Integer first,
            @Argument String after, DataFetchingEnvironment env) {
        return inspections.inspections(kind, result, PageRequest.of(first, after), Selections.wantsTotalCount(env));
    }

    @BatchMapping(typeName = "Inspection", field = "performer")
    Map<Inspection, Organization> performer(List<Inspection> list) {
        return Links.one(list, Inspection::performerGln, registry::organizationsByGln);
    }

    /** Subjects are of several types: one lookup per type present on the page. */
    @BatchMapping(typeName = "Inspection", field = "subject")
    Map<Inspection, Object> subject(List<Inspection> list) {
        Map<Inspection, Object> result = new HashMap<>();
        Map<String, List<Inspection>> byType = list.stream().filter(i -> i.subjectType() != null)
                .collect(Collectors.groupingBy(Inspection::subjectType));
        for (NodeFetcher fetcher : nodeFetchers) {
            List<Inspection> ofType = byType.get(fetcher.typeName());
            if (ofType != null) {
                Set<String> keys = ofType.stream().map(Inspection::subjectKey).collect(Collectors.toSet());
                Map<String, ?> found = fetcher.fetchByKeys(keys);
                ofType.stream().filter(i -> found.get(i.subjectKey()) != null)
                        .forEach(i -> result.put(i, found.get(i.subjectKey())));
            }
        }
        return result;
    }

    @BatchMapping(typeName = "Batch", field = "inspections")
    Map<Batch, List<Inspection>> batchInspections(List<Batch> batches) {
        return Links.many(batches, Batch::key, inspections::inspectionsOfBatches);
    }

    @BatchMapping(typeName = "Premises", field = "inspections")
    Map<Premises, List<Inspection>> premisesInspections(List<Premises> premises) {
        return Links.many(premises, Premises::gln, inspections::inspectionsOfPremises);
    }

    @Bean
    NodeFetcher inspectionNodes(InspectionService inspections) {
        return NodeFetcher.of(Inspection.TYPE, inspections::visibleInspectionsByNumber);
    }
}
