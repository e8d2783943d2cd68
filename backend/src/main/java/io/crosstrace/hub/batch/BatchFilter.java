package io.crosstrace.hub.batch;

import java.time.LocalDate;

/**
 * Filters of the batch list; every field is optional.
 *
 * @param text          part of the lot number or of the product's name (case-insensitive)
 * @param producerGln   batches made at premises this producer operates
 * @param premisesGln   batches made at these premises
 * @param gtin          batches of one product
 * @param producedFrom  production date on or after
 * @param producedTo    production date on or before
 * @param expiresBefore expiry date before
 */
public record BatchFilter(String text, String producerGln, String premisesGln, String gtin, LocalDate producedFrom, LocalDate producedTo,
        LocalDate expiresBefore) {

    public static BatchFilter none() {
        return new BatchFilter(null, null, null, null, null, null, null);
    }
}
