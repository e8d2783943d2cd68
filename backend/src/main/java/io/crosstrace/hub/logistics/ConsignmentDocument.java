package io.crosstrace.hub.logistics;

import static io.crosstrace.hub.graphdb.GraphValues.date;
import static io.crosstrace.hub.graphdb.GraphValues.str;

import java.time.LocalDate;

import org.neo4j.driver.Value;

/** A document lodged with a consignment (invoice, packing list, bill of lading, certificates). */
public record ConsignmentDocument(String number, String kind, String title, LocalDate issuedOn) {

    static ConsignmentDocument from(Value v) {
        return new ConsignmentDocument(str(v, "number"), str(v, "kind"), str(v, "title"), date(v, "issuedOn"));
    }
}
