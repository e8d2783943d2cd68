package io.crosstrace.hub.logistics;

import io.crosstrace.hub.batch.Batch;

/** Units of one batch: loaded on a shipment, or declared in a consignment. */
public record BatchQuantity(Batch batch, long quantity) {
}
