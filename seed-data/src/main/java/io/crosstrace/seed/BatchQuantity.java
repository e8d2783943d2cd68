package io.crosstrace.seed;

/** Units of one batch on a shipment or in a declaration. */
public record BatchQuantity(Target.OfBatch batch, long quantity) {
}
