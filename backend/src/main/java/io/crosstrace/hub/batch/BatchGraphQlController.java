package io.crosstrace.hub.batch;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import graphql.schema.DataFetchingEnvironment;

import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import io.crosstrace.gs1.Gtin;
import io.crosstrace.gs1.LotNumber;
import io.crosstrace.hub.graphql.Connection;
import io.crosstrace.hub.graphql.GlobalId;
import io.crosstrace.hub.graphql.Links;
import io.crosstrace.hub.graphql.NodeFetcher;
import io.crosstrace.hub.graphql.PageRequest;
import io.crosstrace.hub.graphql.Selections;
import io.crosstrace.hub.registry.Organization;
import io.crosstrace.hub.registry.Premises;
import io.crosstrace.hub.registry.Product;
import io.crosstrace.hub.registry.RegistryService;

/** GraphQL reads of batches, and the batch fields of premises. */
@Controller
class BatchGraphQlController {

    private final BatchService batches;
    private final RegistryService registry;

    BatchGraphQlController(BatchService batches, RegistryService registry) {
        this.batches = batches;
        this.registry = registry;
    }

    @QueryMapping
    Batch batch(@Argument String gtin, @Argument String lot) {
        return batches.visibleBatch(Gtin.parse(gtin), new LotNumber(lot)).orElse(null);
    }

    @QueryMapping
    Connection<Batch> batches(@Argument BatchFilterInput filter, @Argument Integer first, @Argument String after,
            DataFetchingEnvironment env) {
        BatchFilter domainFilter = filter == null ? BatchFilter.none() : filter.toDomain();
        return batches.batches(domainFilter, PageRequest.of(first, after), Selections.wantsTotalCount(env));
    }

    @SchemaMapping(typeName = "Premises", field = "batches")
    Connection<Batch> premisesBatches(Premises premises, @Argument Integer first, @Argument String after,
            DataFetchingEnvironment env) {
        BatchFilter filter = new BatchFilter(null, null, premises.gln(), null, null, null, null);
        return batches.batches(filter, PageRequest.of(first, after), Selections.wantsTotalCount(env));
    }

    @BatchMapping(typeName = "Batch", field = "product")
    Map<Batch, Product> product(List<Batch> list) {
        return Links.one(list, Batch::gtin, registry::productsByGtin);
    }

    @BatchMapping(typeName = "Batch", field = "premises")
    Map<Batch, Premises> premises(List<Batch> list) {
        return Links.one(list, Batch::premisesGln, registry::premisesByGln);
    }

    @BatchMapping(typeName = "Batch", field = "producer")
    Map<Batch, Organization> producer(List<Batch> list) {
        Map<Batch, Premises> premises = premises(list);
        return Links.one(list, b -> premises.containsKey(b) ? premises.get(b).operatorGln() : null,
                registry::organizationsByGln);
    }

    @Bean
    NodeFetcher batchNodes(BatchService batches) {
        return NodeFetcher.of(Batch.TYPE, batches::visibleBatchesByKey);
    }

    /** The GraphQL {@code BatchFilter} input; the producer comes as a global ID. */
    record BatchFilterInput(String text, String producer, String gtin, LocalDate producedFrom, LocalDate producedTo,
            LocalDate expiresBefore) {

        BatchFilter toDomain() {
            return new BatchFilter(text, producer == null ? null : GlobalId.keyOf(producer, Organization.TYPE), null,
                    gtin == null ? null : Gtin.parse(gtin).value(), producedFrom, producedTo, expiresBefore);
        }
    }
}
