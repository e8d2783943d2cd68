package io.crosstrace.hub.audit;

import static io.crosstrace.hub.graphdb.GraphValues.date;
import static io.crosstrace.hub.graphdb.GraphValues.lng;
import static io.crosstrace.hub.graphdb.GraphValues.str;

import java.time.LocalDate;

import org.neo4j.driver.Value;

import io.crosstrace.hub.graphql.GlobalId;

/**
 * One step of the audit chain: premises audit, label approval, production and packaging checks, loading
 * supervision, pre-shipment inspection or port verification.
 *
 * @param subjectType the label of what was inspected ({@code Premises}, {@code Batch}, {@code Shipment},
 *                    {@code Consignment})
 * @param subjectKey  its business key
 */
public record Inspection(String number, String kind, String result, LocalDate performedOn, String findings,
        Long sampledQuantity, String performerGln, String subjectType, String subjectKey) {

    public static final String TYPE = "Inspection";
    public static final String PROJECTION = """
            i{.*, performerGln: [(o:Organization)-[:PERFORMED]->(i) | o.gln][0],
                  subjectType: [(i)-[:OF]->(s) | labels(s)[0]][0],
                  subjectKey: [(i)-[:OF]->(s) | CASE WHEN s:Batch THEN s.gtin + '/' + s.lot
                                                     WHEN s:Consignment THEN s.declarationNumber
                                                     WHEN s:Shipment THEN s.number ELSE s.gln END][0]}""";

    public String id() {
        return GlobalId.of(TYPE, number);
    }

    public static Inspection from(Value v) {
        return new Inspection(str(v, "number"), str(v, "kind"), str(v, "result"), date(v, "performedOn"),
                str(v, "findings"), lng(v, "sampledQuantity"), str(v, "performerGln"), str(v, "subjectType"),
                str(v, "subjectKey"));
    }
}
