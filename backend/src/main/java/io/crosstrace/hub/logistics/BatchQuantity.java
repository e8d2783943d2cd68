package io.crosstrace.hub.logistics;

import io.crosstrace.hub.batch.Batch;

import java.time.LocalDate;

/**
 * Units of one batch: loaded on a shipment, or declared in a consignment.
 *
 * @param productionDate as stated on the consignment's documents; null for shipment items and when not stated
 * @param expiryDate     as stated on the consignment's documents; null likewise
 */
public record BatchQuantity(Batch batch, long quantity, LocalDate productionDate, LocalDate expiryDate) {

    BatchQuantity(Batch batch, long quantity) {
        this(batch, quantity, null, null);
    }
}
