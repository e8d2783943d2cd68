package io.crosstrace.seed;

import java.time.LocalDate;

import io.crosstrace.gs1.Gln;
import io.crosstrace.gs1.Gtin;
import io.crosstrace.gs1.LotNumber;

/**
 * A production lot of one product at one premises.
 *
 * @param quantity units produced, which is also the number of unit codes minted for it
 */
public record Batch(Gtin gtin, LotNumber lot, LocalDate productionDate, LocalDate expiryDate, long quantity,
                    Gln premises) {

    public Target.OfBatch ref() {
        return new Target.OfBatch(gtin, lot);
    }
}
