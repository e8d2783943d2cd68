package io.crosstrace.hub.logistics;

import static io.crosstrace.hub.graphdb.GraphValues.date;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import graphql.schema.DataFetchingFieldSelectionSet;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.crosstrace.hub.batch.Batch;
import io.crosstrace.hub.certificate.Certificate;
import io.crosstrace.hub.graphdb.GraphReads;
import io.crosstrace.hub.graphql.Connection;
import io.crosstrace.hub.graphql.LookAhead;
import io.crosstrace.hub.graphql.PageRequest;
import io.crosstrace.hub.registry.Organization;
import io.crosstrace.hub.registry.RegistryProjections;
import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.CurrentActor;

/**
 * A partner's page of consignments with what it selected of their ports, importers, shipments, declared batches and
 * those batches' certificates, read in one statement (and a count, when asked for). Field by field through batch
 * loaders the same page took one statement and one transaction per nesting level, and graphql-java's loader dispatch
 * per field; for a page of 100 that was most of its time (ADR 0018).
 *
 * <p>Nested objects are read with the same projections, order and visibility as their batch loaders, which remain the
 * path for every other parent (a single consignment, a batch's consignments) and for the fields not read here
 * (documents, shipping papers, a batch's product): a field reads the same whichever way it is fetched.
 */
@Service
public class ConsignmentPages {

    private final GraphReads graph;

    ConsignmentPages(GraphReads graph) {
        this.graph = graph;
    }

    /** What can be read with the page, each when the client selected it. */
    enum Part {
        ARRIVAL_PORT("edges/node/arrivalPort"),
        IMPORTER("edges/node/importer"),
        SHIPMENT("edges/node/shipment"),
        DECLARED_ITEMS("edges/node/declaredItems"),
        CERTIFICATES("edges/node/declaredItems/batch/certificates");

        private final String path;

        Part(String path) {
            this.path = path;
        }

        static Set<Part> selectedIn(DataFetchingFieldSelectionSet selection) {
            Set<Part> parts = EnumSet.noneOf(Part.class);
            for (Part part : values()) {
                if (selection != null && selection.contains(part.path)) {
                    parts.add(part);
                }
            }
            return parts;
        }
    }

    /**
     * The page (see {@link LogisticsService#consignments}), with the selected nested fields recorded in
     * {@code lookAhead} for the consignments it returns.
     */
    @Transactional(readOnly = true)
    public Connection<Consignment> page(ConsignmentFilter filter, PageRequest page, boolean withTotal,
            DataFetchingFieldSelectionSet selection, LookAhead lookAhead) {
        Set<Part> parts = Part.selectedIn(selection);
        Actor actor = CurrentActor.require();
        Map<String, Object> parameters = new HashMap<>(LogisticsService.consignmentParameters(actor, filter));
        parameters.put("skip", page.offset());
        parameters.put("limit", page.limitPlusOne());
        List<Consignment> rows = graph.list(statement(actor, parts), parameters, row -> read(row, parts, lookAhead));
        return Connection.of(rows, page,
                withTotal ? graph.count(LogisticsService.consignments(actor) + " RETURN count(*)", parameters) : null);
    }

    /** The consignment of a row, its nested fields recorded in the look-ahead. */
    private static Consignment read(Record row, Set<Part> parts, LookAhead lookAhead) {
        Consignment consignment = Consignment.from(row.get("row"));
        if (parts.contains(Part.ARRIVAL_PORT)) {
            lookAhead.put(consignment, "arrivalPort", orNull(row.get("arrivalPort"), Location::from));
        }
        if (parts.contains(Part.IMPORTER)) {
            lookAhead.put(consignment, "importer", orNull(row.get("importer"), RegistryProjections::organization));
        }
        if (parts.contains(Part.SHIPMENT)) {
            lookAhead.put(consignment, "shipment", orNull(row.get("shipment"), v -> shipment(v, lookAhead)));
        }
        if (parts.contains(Part.DECLARED_ITEMS)) {
            lookAhead.put(consignment, "declaredItems",
                    row.get("declaredItems").asList(v -> item(v, parts.contains(Part.CERTIFICATES), lookAhead)));
        }
        return consignment;
    }

    /**
     * The page's statement: the list's own match, order and paging, then fixed fragments for the selected parts,
     * computed for the page's rows only. Nothing from the request becomes Cypher.
     *
     * <p>Each related node is read once: the consignment's importer, port and shipment (and the shipment's carrier
     * and ports, a certificate's issuer) are bound by a subquery, and both the key in the row's projection and the
     * nested object come from that node. The shared projections read each key through a pattern comprehension of its
     * own, which here would read every node twice (on the page of 100 consignments of the 10-million-code world, the
     * statement took 10.1 ms of CPU against 10.4 that way, best of 12 rounds). {@code LIMIT 1} keeps the projections'
     * meaning, the first related node, and one row per consignment.
     */
    static String statement(Actor actor, Set<Part> parts) {
        String order = ConsignmentOrder.DECLARED_NEWEST.cypher;
        StringBuilder cypher = new StringBuilder(LogisticsService.consignments(actor))
                .append("\nWITH c ORDER BY ").append(order).append(" SKIP $skip LIMIT $limit")
                .append(first("c", "(c)-[:ARRIVES_AT]->(port:Location)", "port"))
                .append(first("c", "(importer:Organization)-[:IMPORTS]->(c)", "importer"))
                .append(first("c", "(c)-[:SHIPPED_AS]->(s:Shipment)", "s"));
        if (parts.contains(Part.SHIPMENT)) {
            cypher.append(first("s", "(carrier:Organization)-[:SHIPS]->(s)", "carrier"))
                    .append(first("s", "(s)-[:DEPARTS_FROM]->(pol:Location)", "pol"))
                    .append(first("s", "(s)-[:BOUND_FOR]->(pod:Location)", "pod"));
        }
        cypher.append("\nRETURN ").append(Consignment.projection("importer.gln", "port.gln", "s.number")).append(" AS row");
        if (parts.contains(Part.ARRIVAL_PORT)) {
            cypher.append(",\n  port{.*} AS arrivalPort");
        }
        if (parts.contains(Part.IMPORTER)) {
            cypher.append(",\n  ").append(RegistryProjections.organization("importer")).append(" AS importer");
        }
        if (parts.contains(Part.SHIPMENT)) {
            cypher.append("""
                    ,
                      CASE WHEN s IS NULL THEN null ELSE {shipment: %s,
                        carrier: %s, portOfLoading: pol{.*}, portOfDischarge: pod{.*}} END AS shipment"""
                    .formatted(Shipment.projection("carrier.gln", "pol.gln", "pod.gln"),
                            RegistryProjections.organization("carrier")));
        }
        if (parts.contains(Part.DECLARED_ITEMS)) {
            String certificates = !parts.contains(Part.CERTIFICATES) ? "" : """
                    ,
                        certificates: COLLECT { MATCH (b)<-[:CERTIFIES]-(cert:Certificate)%s
                          RETURN {certificate: %s, issuer: %s}
                          ORDER BY cert.validFrom }""".formatted(
                    first("cert", "(issuer:Organization)-[:ISSUED]->(cert)", "issuer").replace("\n", "\n      "),
                    Certificate.projection("cert", "issuer.gln"), RegistryProjections.organization("issuer"));
            cypher.append("""
                    ,
                      COLLECT { MATCH (c)-[q:DECLARES]->(b:Batch)
                        RETURN {quantity: q.quantity, productionDate: q.productionDate, expiryDate: q.expiryDate,
                                batch: %s%s}
                        ORDER BY b.gtin, b.lot } AS declaredItems""".formatted(Batch.PROJECTION, certificates));
        }
        return cypher.append("\nORDER BY ").append(order).toString();
    }

    /** Binds {@code variable} to the first node of {@code pattern} from {@code from}, or null when there is none. */
    private static String first(String from, String pattern, String variable) {
        return "\nCALL (%s) { OPTIONAL MATCH %s RETURN %s LIMIT 1 }".formatted(from, pattern, variable);
    }

    private static Shipment shipment(Value v, LookAhead lookAhead) {
        Shipment shipment = Shipment.from(v.get("shipment"));
        lookAhead.put(shipment, "carrier", orNull(v.get("carrier"), RegistryProjections::organization));
        lookAhead.put(shipment, "portOfLoading", orNull(v.get("portOfLoading"), Location::from));
        lookAhead.put(shipment, "portOfDischarge", orNull(v.get("portOfDischarge"), Location::from));
        return shipment;
    }

    private static BatchQuantity item(Value v, boolean withCertificates, LookAhead lookAhead) {
        Batch batch = Batch.from(v.get("batch"));
        if (withCertificates) {
            List<Certificate> certificates = new ArrayList<>();
            for (Value c : v.get("certificates").values()) {
                Certificate certificate = Certificate.from(c.get("certificate"));
                Organization issuer = orNull(c.get("issuer"), RegistryProjections::organization);
                lookAhead.put(certificate, "issuer", issuer);
                certificates.add(certificate);
            }
            lookAhead.put(batch, "certificates", List.copyOf(certificates));
        }
        return new BatchQuantity(batch, v.get("quantity").asLong(), date(v, "productionDate"), date(v, "expiryDate"));
    }

    private static <T> T orNull(Value v, Function<Value, T> mapper) {
        return v == null || v.isNull() ? null : mapper.apply(v);
    }
}
