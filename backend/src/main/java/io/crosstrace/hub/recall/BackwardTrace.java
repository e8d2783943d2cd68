package io.crosstrace.hub.recall;

import java.util.List;

import io.crosstrace.hub.batch.Batch;

/**
 * Where a unit came from, and what else may share its problem: its batch, premises and producer; the other batches
 * of those premises made within a window around its production date; the other batches on its shipments.
 *
 * @param unit         the unit traced from (the code given, or the unit a consumer reported)
 * @param reportNumber the consumer report traced from; null when traced from a code
 * @param premisesGln  where the batch was made (resolved to premises by the API)
 * @param producerGln  the organization operating those premises (resolved by the API)
 * @param windowDays   siblings were produced at most this many days before or after the batch
 */
public record BackwardTrace(TracedUnit unit, String reportNumber, Batch batch, String premisesGln, String producerGln,
        int windowDays, List<PremisesSibling> premisesSiblings, List<ShipmentSibling> shipmentSiblings) {

    /**
     * A batch of the same premises produced close to the traced one.
     *
     * @param daysApart its production date minus the traced batch's, in days (negative: made before)
     */
    public record PremisesSibling(Batch batch, int daysApart) {
    }

    /** A batch that travelled on one or more of the traced batch's shipments. */
    public record ShipmentSibling(Batch batch, List<String> shipmentNumbers) {
    }
}
