package io.crosstrace.hub.code;

import java.time.LocalDate;
import java.util.List;

/**
 * What a sheet of unit labels prints.
 *
 * @param productName the product's English name, or null
 * @param expiryDate  the batch's expiry date, or null
 * @param labels      one per unit code, in serial order
 */
public record LabelSheet(String gtin, String lot, String productName, LocalDate expiryDate, List<Label> labels) {

    public LabelSheet {
        labels = List.copyOf(labels);
    }

    /** One unit's label: its identifiers in human-readable form and the signed URI its QR code encodes. */
    public record Label(String serial, String signedUri) {
    }
}
