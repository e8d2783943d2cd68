package io.crosstrace.hub.logistics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import graphql.schema.DataFetchingEnvironment;

import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import io.crosstrace.hub.batch.Batch;
import io.crosstrace.hub.graphql.Connection;
import io.crosstrace.hub.graphql.GlobalId;
import io.crosstrace.hub.graphql.Links;
import io.crosstrace.hub.graphql.LookAhead;
import io.crosstrace.hub.graphql.NodeFetcher;
import io.crosstrace.hub.graphql.PageRequest;
import io.crosstrace.hub.graphql.Selections;
import io.crosstrace.hub.registry.Organization;
import io.crosstrace.hub.registry.RegistryService;

/** GraphQL reads of shipments, consignments and locations, and the logistics fields of batches. */
@Controller
class LogisticsGraphQlController {

    private final LogisticsService logistics;
    private final ConsignmentPages consignmentPages;
    private final RegistryService registry;

    LogisticsGraphQlController(LogisticsService logistics, ConsignmentPages consignmentPages, RegistryService registry) {
        this.logistics = logistics;
        this.consignmentPages = consignmentPages;
        this.registry = registry;
    }

    @QueryMapping
    Shipment shipment(@Argument String number) {
        return logistics.shipment(number).orElse(null);
    }

    @QueryMapping
    Connection<Shipment> shipments(@Argument LocalDate departedFrom, @Argument LocalDate departedTo,
            @Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
        return logistics.shipments(departedFrom, departedTo, PageRequest.of(first, after), Selections.wantsTotalCount(env));
    }

    @QueryMapping
    Consignment consignment(@Argument String declarationNumber) {
        return logistics.consignment(declarationNumber).orElse(null);
    }

    @QueryMapping
    Connection<Consignment> consignments(@Argument String status, @Argument String importer,
            @Argument String arrivalPort, @Argument LocalDate declaredFrom, @Argument LocalDate declaredTo,
            @Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
        ConsignmentFilter filter = new ConsignmentFilter(status,
                importer == null ? null : GlobalId.keyOf(importer, Organization.TYPE),
                arrivalPort == null ? null : GlobalId.keyOf(arrivalPort, Location.TYPE), declaredFrom, declaredTo);
        return consignmentPages.page(filter, PageRequest.of(first, after), Selections.wantsTotalCount(env),
                env.getSelectionSet(), LookAhead.of(env.getGraphQlContext()));
    }

    @QueryMapping
    List<Location> locations(@Argument String kind) {
        return logistics.locations(kind);
    }

    @BatchMapping(typeName = "Shipment", field = "carrier")
    Map<Shipment, Organization> carrier(List<Shipment> list) {
        return Links.one(list, Shipment::carrierGln, registry::organizationsByGln);
    }

    @BatchMapping(typeName = "Shipment", field = "portOfLoading")
    Map<Shipment, Location> portOfLoading(List<Shipment> list) {
        return Links.one(list, Shipment::loadingPortGln, logistics::locationsByGln);
    }

    @BatchMapping(typeName = "Shipment", field = "portOfDischarge")
    Map<Shipment, Location> portOfDischarge(List<Shipment> list) {
        return Links.one(list, Shipment::dischargePortGln, logistics::locationsByGln);
    }

    /** Shipping papers are commercial: null for callers not entitled (see Visibility#shipmentPapers). */
    @BatchMapping(typeName = "Shipment", field = "billOfLading")
    Map<Shipment, String> billOfLading(List<Shipment> list) {
        return papers(list, Shipment::billOfLading);
    }

    @BatchMapping(typeName = "Shipment", field = "seal")
    Map<Shipment, String> seal(List<Shipment> list) {
        return papers(list, Shipment::seal);
    }

    private Map<Shipment, String> papers(List<Shipment> list, java.util.function.Function<Shipment, String> field) {
        java.util.Set<String> entitled = logistics.shipmentsWithVisiblePapers(list.stream().map(Shipment::number).toList());
        Map<Shipment, String> values = new java.util.LinkedHashMap<>();
        for (Shipment shipment : list) {
            values.put(shipment, entitled.contains(shipment.number()) ? field.apply(shipment) : null);
        }
        return values;
    }

    @BatchMapping(typeName = "Shipment", field = "items")
    Map<Shipment, List<BatchQuantity>> items(List<Shipment> list) {
        return Links.many(list, Shipment::number, logistics::itemsOfShipments);
    }

    @BatchMapping(typeName = "Consignment", field = "importer")
    Map<Consignment, Organization> importer(List<Consignment> list) {
        return Links.one(list, Consignment::importerGln, registry::organizationsByGln);
    }

    @BatchMapping(typeName = "Consignment", field = "arrivalPort")
    Map<Consignment, Location> arrivalPort(List<Consignment> list) {
        return Links.one(list, Consignment::arrivalPortGln, logistics::locationsByGln);
    }

    @BatchMapping(typeName = "Consignment", field = "shipment")
    Map<Consignment, Shipment> shipment(List<Consignment> list) {
        return Links.one(list, Consignment::shipmentNumber, logistics::shipmentsByNumber);
    }

    @BatchMapping(typeName = "Consignment", field = "declaredItems")
    Map<Consignment, List<BatchQuantity>> declaredItems(List<Consignment> list) {
        return Links.many(list, Consignment::declarationNumber, logistics::declaredItemsOfConsignments);
    }

    @BatchMapping(typeName = "Consignment", field = "documents")
    Map<Consignment, List<ConsignmentDocument>> documents(List<Consignment> list) {
        return Links.many(list, Consignment::declarationNumber, logistics::documentsOfConsignments);
    }

    @BatchMapping(typeName = "Batch", field = "shipments")
    Map<Batch, List<Shipment>> batchShipments(List<Batch> batches) {
        return Links.many(batches, Batch::key, logistics::shipmentsOfBatches);
    }

    @BatchMapping(typeName = "Batch", field = "consignments")
    Map<Batch, List<Consignment>> batchConsignments(List<Batch> batches) {
        return Links.many(batches, Batch::key, logistics::consignmentsOfBatches);
    }

    @Bean
    NodeFetcher shipmentNodes(LogisticsService logistics) {
        return NodeFetcher.of(Shipment.TYPE, logistics::visibleShipmentsByNumber);
    }

    @Bean
    NodeFetcher consignmentNodes(LogisticsService logistics) {
        return NodeFetcher.of(Consignment.TYPE, logistics::visibleConsignmentsByNumber);
    }

    @Bean
    NodeFetcher locationNodes(LogisticsService logistics) {
        return NodeFetcher.of(Location.TYPE, logistics::locationsByGln);
    }
}
