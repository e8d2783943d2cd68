package io.crosstrace.seed;

import java.time.LocalDate;

import io.crosstrace.gs1.Gln;

/** {@code sampledQuantity} is set for pre-shipment inspections only. */
public record Inspection(String number, InspectionKind kind, InspectionResult result, LocalDate performedOn,
                         String findings, Integer sampledQuantity, Gln performer, Target subject) {
}
