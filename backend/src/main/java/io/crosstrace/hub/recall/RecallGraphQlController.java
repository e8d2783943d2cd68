package io.crosstrace.hub.recall;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import graphql.schema.DataFetchingEnvironment;

import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import io.crosstrace.hub.batch.Batch;
import io.crosstrace.hub.batch.BatchService;
import io.crosstrace.hub.graphql.Connection;
import io.crosstrace.hub.graphql.Links;
import io.crosstrace.hub.graphql.NodeFetcher;
import io.crosstrace.hub.graphql.PageRequest;
import io.crosstrace.hub.graphql.Selections;
import io.crosstrace.hub.graphql.UserError;
import io.crosstrace.hub.mutation.MutationRejected;
import io.crosstrace.hub.mutation.Outcome;
import io.crosstrace.hub.mutation.Rules;
import io.crosstrace.hub.recall.RecallWorkflowService.RecallInitiateInput;
import io.crosstrace.hub.registry.Organization;
import io.crosstrace.hub.registry.RegistryService;
import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.CurrentActor;
import io.crosstrace.hub.security.Role;

/** Recalls over GraphQL: the queries, the mutations, the fields of Recall, and Batch.recalls. */
@Controller
class RecallGraphQlController {

    record RecallPayload(Recall recall, List<UserError> userErrors) {
        static RecallPayload of(Outcome<Recall> outcome) {
            return new RecallPayload(outcome.value(), outcome.userErrors());
        }
    }

    record RecallCloseInput(String recall, String note) {
    }

    private final RecallService recalls;
    private final RecallWorkflowService workflow;
    private final BatchService batches;
    private final RegistryService registry;

    RecallGraphQlController(RecallService recalls, RecallWorkflowService workflow, BatchService batches,
            RegistryService registry) {
        this.recalls = recalls;
        this.workflow = workflow;
        this.batches = batches;
        this.registry = registry;
    }

    @QueryMapping
    Recall recall(@Argument String number) {
        return recalls.recall(number).orElse(null);
    }

    @QueryMapping
    Connection<Recall> recalls(@Argument String status, @Argument Integer first, @Argument String after,
            DataFetchingEnvironment env) {
        return recalls.recalls(status, PageRequest.of(first, after), Selections.wantsTotalCount(env));
    }

    @MutationMapping
    RecallPayload recallInitiate(@Argument RecallInitiateInput input) {
        return RecallPayload.of(workflow.initiate(input));
    }

    @MutationMapping
    RecallPayload recallClose(@Argument RecallCloseInput input) {
        String number;
        try {
            number = Rules.key(input.recall(), Recall.TYPE, "recall");
        } catch (MutationRejected e) {
            return new RecallPayload(null, e.errors());
        }
        return RecallPayload.of(workflow.close(number, input.note()));
    }

    @BatchMapping(typeName = "Recall", field = "batches")
    Map<Recall, List<Batch>> recallBatches(List<Recall> list) {
        Map<String, Batch> found = batches.batchesByKey(list.stream().flatMap(r -> r.batchKeys().stream()).distinct().toList());
        Map<Recall, List<Batch>> result = new LinkedHashMap<>();
        for (Recall recall : list) {
            result.put(recall, recall.batchKeys().stream().map(found::get).filter(Objects::nonNull).toList());
        }
        return result;
    }

    @BatchMapping(typeName = "Recall", field = "initiator")
    Map<Recall, Organization> initiator(List<Recall> list) {
        return Links.one(list, Recall::initiatorGln, registry::organizationsByGln);
    }

    /** Names of people and systems stay within the initiating organization and the platform's administrators. */
    @SchemaMapping(typeName = "Recall", field = "initiatedBy")
    String initiatedBy(Recall recall) {
        return mayNameActors(recall) ? recall.initiatedBy() : null;
    }

    @SchemaMapping(typeName = "Recall", field = "closedBy")
    String closedBy(Recall recall) {
        return mayNameActors(recall) ? recall.closedBy() : null;
    }

    @BatchMapping(typeName = "Batch", field = "recalls")
    Map<Batch, List<Recall>> batchRecalls(List<Batch> list) {
        return Links.many(list, Batch::key, recalls::recallsOfBatches);
    }

    @Bean
    NodeFetcher recallNodes(RecallService recalls) {
        return NodeFetcher.of(Recall.TYPE, recalls::visibleRecallsByNumber);
    }

    private static boolean mayNameActors(Recall recall) {
        Actor caller = CurrentActor.get();
        return caller.has(Role.PLATFORM_ADMIN) || (recall.initiatorGln() != null && caller.actsFor(recall.initiatorGln()));
    }
}
