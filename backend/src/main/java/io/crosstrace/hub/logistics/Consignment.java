package io.crosstrace.hub.logistics;

import static io.crosstrace.hub.graphdb.GraphValues.date;
import static io.crosstrace.hub.graphdb.GraphValues.str;

import java.time.LocalDate;

import org.neo4j.driver.Value;

import io.crosstrace.hub.graphql.GlobalId;

/** An import declaration at the port of arrival, for the goods of one shipment. */
public record Consignment(String declarationNumber, String status, LocalDate declaredOn, LocalDate releasedOn,
        String importerGln, String arrivalPortGln, String shipmentNumber) {

    public static final String TYPE = "Consignment";
    public static final String PROJECTION = projection("[(o:Organization)-[:IMPORTS]->(c) | o.gln][0]",
            "[(c)-[:ARRIVES_AT]->(l) | l.gln][0]", "[(c)-[:SHIPPED_AS]->(s) | s.number][0]");

    /**
     * The projection of {@code c} with the keys of its importer, port and shipment given as expressions: a statement
     * that reads those nodes anyway passes their keys instead of reading them again.
     */
    public static String projection(String importerGln, String arrivalPortGln, String shipmentNumber) {
        return "c{.*, importerGln: %s, arrivalPortGln: %s, shipmentNumber: %s}"
                .formatted(importerGln, arrivalPortGln, shipmentNumber);
    }

    public String id() {
        return GlobalId.of(TYPE, declarationNumber);
    }

    public static Consignment from(Value v) {
        return new Consignment(str(v, "declarationNumber"), str(v, "status"), date(v, "declaredOn"),
                date(v, "releasedOn"), str(v, "importerGln"), str(v, "arrivalPortGln"), str(v, "shipmentNumber"));
    }
}
