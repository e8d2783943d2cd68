package io.crosstrace.seed;

import java.time.LocalDate;
import java.util.List;

import io.crosstrace.gs1.Gln;

/**
 * One import declaration for part of a shipment; {@code releasedOn} is set for released ones only.
 *
 * @param shipment the number of the shipment it travels as
 */
public record Consignment(String declarationNumber, ConsignmentStatus status, LocalDate declaredOn,
                          LocalDate releasedOn, String shipment, Gln importer, Gln arrivesAt,
                          List<BatchQuantity> declares, List<Document> documents) {

    public Consignment {
        declares = List.copyOf(declares);
        documents = List.copyOf(documents);
    }

    public Target.OfConsignment ref() {
        return new Target.OfConsignment(declarationNumber);
    }
}
