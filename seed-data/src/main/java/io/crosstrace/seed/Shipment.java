package io.crosstrace.seed;

import java.time.LocalDate;
import java.util.List;

import io.crosstrace.gs1.Gln;

/** One container on one voyage; {@code arrivedOn} is null while at sea. */
public record Shipment(String number, String container, String seal, String billOfLading, String vessel,
                       String voyage, TransportMode mode, LocalDate departedOn, LocalDate arrivedOn, Gln shipper,
                       Gln departsFrom, Gln boundFor, List<BatchQuantity> carries) {

    public Shipment {
        carries = List.copyOf(carries);
    }
}
