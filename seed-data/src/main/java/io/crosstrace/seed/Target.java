package io.crosstrace.seed;

import io.crosstrace.gs1.Gln;
import io.crosstrace.gs1.Gtin;
import io.crosstrace.gs1.LotNumber;

/** What a certificate certifies or an inspection inspects, named by its business key. */
public sealed interface Target {

    record OfBatch(Gtin gtin, LotNumber lot) implements Target {
    }

    record OfPremises(Gln gln) implements Target {
    }

    record OfConsignment(String declarationNumber) implements Target {
    }
}
