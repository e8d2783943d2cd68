package io.crosstrace.hub.logistics;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.crosstrace.hub.batch.Batch;
import io.crosstrace.hub.graphdb.GraphReads;
import io.crosstrace.hub.graphql.Connection;
import io.crosstrace.hub.graphql.PageRequest;
import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.CurrentActor;
import io.crosstrace.hub.security.Visibility;

/** Reads shipments, consignments, their contents and documents, and locations. */
@Service
@Transactional(readOnly = true)
public class LogisticsService {

    /** What the consignment filter keeps of the consignments bound to {@code c}. */
    private static final String CONSIGNMENT_FILTER = """
            WITH c
            WHERE ($status IS NULL OR c.status = $status)
              AND ($declaredFrom IS NULL OR c.declaredOn >= $declaredFrom)
              AND ($declaredTo IS NULL OR c.declaredOn <= $declaredTo)
              AND ($importer IS NULL OR EXISTS { (:Organization {gln: $importer})-[:IMPORTS]->(c) })
              AND ($port IS NULL OR EXISTS { (c)-[:ARRIVES_AT]->(:Location {gln: $port}) })""";
    /** What the shipment filter keeps of the shipments bound to {@code s}. */
    private static final String SHIPMENT_FILTER = """
            WITH s
            WHERE ($departedFrom IS NULL OR s.departedOn >= $departedFrom)
              AND ($departedTo IS NULL OR s.departedOn <= $departedTo)""";

    private final GraphReads graph;

    LogisticsService(GraphReads graph) {
        this.graph = graph;
    }

    /** The consignment if the caller may see it (see {@link Visibility#consignment}). */
    public Optional<Consignment> consignment(String declarationNumber) {
        return Optional.ofNullable(visibleConsignmentsByNumber(List.of(declarationNumber)).get(declarationNumber));
    }

    public Map<String, Consignment> visibleConsignmentsByNumber(Collection<String> numbers) {
        return GraphReads.indexBy(graph.list("MATCH (c:Consignment) WHERE c.declarationNumber IN $keys AND "
                + Visibility.consignment("c") + " RETURN " + Consignment.PROJECTION + " AS c",
                Visibility.withParameters(Map.of("keys", List.copyOf(numbers))),
                r -> Consignment.from(r.get("c"))), Consignment::declarationNumber);
    }

    public Map<String, Consignment> consignmentsByNumber(Collection<String> numbers) {
        return GraphReads.indexBy(graph.list("MATCH (c:Consignment) WHERE c.declarationNumber IN $keys RETURN "
                + Consignment.PROJECTION + " AS c", Map.of("keys", List.copyOf(numbers)),
                r -> Consignment.from(r.get("c"))), Consignment::declarationNumber);
    }

    public Connection<Consignment> consignments(ConsignmentFilter filter, PageRequest page, boolean withTotal) {
        return consignments(filter, page, withTotal, ConsignmentOrder.DECLARED_NEWEST);
    }

    /** Consignments the caller may see, in the given order (the workspace's sortable grid). */
    public Connection<Consignment> consignments(ConsignmentFilter filter, PageRequest page, boolean withTotal,
            ConsignmentOrder order) {
        Actor actor = CurrentActor.require();
        return graph.page(consignments(actor), Consignment.PROJECTION, order.cypher, consignmentParameters(actor, filter),
                page, withTotal, Consignment::from);
    }

    /** The consignments {@code actor} may see that pass the filter, bound to {@code c}. */
    static String consignments(Actor actor) {
        return Visibility.consignments(actor) + CONSIGNMENT_FILTER;
    }

    /** The parameters of {@link #consignments(Actor)}: the caller's visibility and the filter. */
    static Map<String, Object> consignmentParameters(Actor actor, ConsignmentFilter filter) {
        Map<String, Object> params = new HashMap<>(Visibility.parameters(actor));
        params.put("status", filter.status());
        params.put("importer", filter.importerGln());
        params.put("port", filter.arrivalPortGln());
        params.put("declaredFrom", filter.declaredFrom());
        params.put("declaredTo", filter.declaredTo());
        return params;
    }

    /** The shipment if the caller may see it (see {@link Visibility#shipment}). */
    public Optional<Shipment> shipment(String number) {
        return Optional.ofNullable(visibleShipmentsByNumber(List.of(number)).get(number));
    }

    public Map<String, Shipment> visibleShipmentsByNumber(Collection<String> numbers) {
        return GraphReads.indexBy(graph.list("MATCH (s:Shipment) WHERE s.number IN $keys AND " + Visibility.shipment("s")
                + " RETURN " + Shipment.PROJECTION + " AS s", Visibility.withParameters(Map.of("keys", List.copyOf(numbers))),
                r -> Shipment.from(r.get("s"))), Shipment::number);
    }

    /** Of these shipments, those whose papers (bill of lading, seal) the caller may read. */
    public java.util.Set<String> shipmentsWithVisiblePapers(Collection<String> numbers) {
        return java.util.Set.copyOf(graph.list("MATCH (s:Shipment) WHERE s.number IN $keys AND "
                + Visibility.shipmentPapers("s") + " RETURN s.number AS n",
                Visibility.withParameters(Map.of("keys", List.copyOf(numbers))), r -> r.get("n").asString()));
    }

    public Map<String, Shipment> shipmentsByNumber(Collection<String> numbers) {
        return GraphReads.indexBy(graph.list("MATCH (s:Shipment) WHERE s.number IN $keys RETURN "
                + Shipment.PROJECTION + " AS s", Map.of("keys", List.copyOf(numbers)),
                r -> Shipment.from(r.get("s"))), Shipment::number);
    }

    public Connection<Shipment> shipments(LocalDate departedFrom, LocalDate departedTo, PageRequest page,
            boolean withTotal) {
        return shipments(departedFrom, departedTo, page, withTotal, ShipmentOrder.DEPARTED_NEWEST);
    }

    /** Shipments the caller may see, in the given order (the workspace's sortable grid). */
    public Connection<Shipment> shipments(LocalDate departedFrom, LocalDate departedTo, PageRequest page,
            boolean withTotal, ShipmentOrder order) {
        Actor actor = CurrentActor.require();
        Map<String, Object> params = new HashMap<>(Visibility.parameters(actor));
        params.put("departedFrom", departedFrom);
        params.put("departedTo", departedTo);
        return graph.page(Visibility.shipments(actor) + SHIPMENT_FILTER, Shipment.PROJECTION, order.cypher, params, page,
                withTotal, Shipment::from);
    }

    /** What each shipment carries, with the batches, in one statement. */
    public Map<String, List<BatchQuantity>> itemsOfShipments(Collection<String> shipmentNumbers) {
        return graph.grouped("""
                MATCH (s:Shipment)-[q:CARRIES]->(b:Batch) WHERE s.number IN $keys
                RETURN s.number AS key, %s AS b, q.quantity AS quantity ORDER BY b.gtin, b.lot""".formatted(Batch.PROJECTION),
                Map.of("keys", List.copyOf(shipmentNumbers)),
                r -> new BatchQuantity(Batch.from(r.get("b")), r.get("quantity").asLong()));
    }

    /** What each consignment declares, with the batches, in one statement. */
    public Map<String, List<BatchQuantity>> declaredItemsOfConsignments(Collection<String> declarationNumbers) {
        return graph.grouped("""
                MATCH (c:Consignment)-[q:DECLARES]->(b:Batch) WHERE c.declarationNumber IN $keys
                RETURN c.declarationNumber AS key, %s AS b, q.quantity AS quantity, q.productionDate AS produced,
                       q.expiryDate AS expires ORDER BY b.gtin, b.lot""".formatted(Batch.PROJECTION),
                Map.of("keys", List.copyOf(declarationNumbers)),
                r -> new BatchQuantity(Batch.from(r.get("b")), r.get("quantity").asLong(),
                        r.get("produced").isNull() ? null : r.get("produced").asLocalDate(),
                        r.get("expires").isNull() ? null : r.get("expires").asLocalDate()));
    }

    public Map<String, List<ConsignmentDocument>> documentsOfConsignments(Collection<String> declarationNumbers) {
        return graph.grouped("""
                MATCH (c:Consignment)-[:HAS_DOCUMENT]->(d:Document) WHERE c.declarationNumber IN $keys AND %s
                RETURN c.declarationNumber AS key, d{.*} AS d ORDER BY d.kind, d.number""".formatted(
                        Visibility.consignmentDocuments("c")),
                Visibility.withParameters(Map.of("keys", List.copyOf(declarationNumbers))), r -> ConsignmentDocument.from(r.get("d")));
    }

    /** The shipments that carried each batch (by batch key), in one statement. */
    public Map<String, List<Shipment>> shipmentsOfBatches(Collection<String> batchKeys) {
        return graph.grouped("""
                UNWIND $keys AS k
                MATCH (b:Batch {gtin: k.gtin, lot: k.lot})<-[:CARRIES]-(s:Shipment)
                RETURN k.gtin + '/' + k.lot AS key, %s AS s ORDER BY s.departedOn""".formatted(Shipment.PROJECTION),
                Map.of("keys", batchKeys.stream().map(Batch::keyParameters).toList()), r -> Shipment.from(r.get("s")));
    }

    /** The consignments that declared each batch (by batch key), in one statement. */
    public Map<String, List<Consignment>> consignmentsOfBatches(Collection<String> batchKeys) {
        return graph.grouped("""
                UNWIND $keys AS k
                MATCH (b:Batch {gtin: k.gtin, lot: k.lot})<-[:DECLARES]-(c:Consignment)
                WHERE %s
                RETURN k.gtin + '/' + k.lot AS key, %s AS c ORDER BY c.declaredOn""".formatted(
                        Visibility.consignment("c"), Consignment.PROJECTION),
                Visibility.withParameters(Map.of("keys", batchKeys.stream().map(Batch::keyParameters).toList())), r -> Consignment.from(r.get("c")));
    }

    public Map<String, Location> locationsByGln(Collection<String> glns) {
        return GraphReads.indexBy(graph.list("MATCH (l:Location) WHERE l.gln IN $keys RETURN l{.*} AS l",
                Map.of("keys", List.copyOf(glns)), r -> Location.from(r.get("l"))), Location::gln);
    }

    public List<Location> locations(String kind) {
        Map<String, Object> params = new HashMap<>();
        params.put("kind", kind);
        return graph.list("MATCH (l:Location) WHERE $kind IS NULL OR l.kind = $kind RETURN l{.*} AS l ORDER BY l.gln",
                params, r -> Location.from(r.get("l")));
    }
}
