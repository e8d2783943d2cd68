package io.crosstrace.seed;

import java.time.OffsetDateTime;

import io.crosstrace.gs1.Gtin;
import io.crosstrace.gs1.LotNumber;
import io.crosstrace.gs1.Serial;

/** One coded consumer unit (a can): its serialised GTIN and the Digital Link path printed on it. */
public record UnitCode(Gtin gtin, LotNumber lot, Serial serial, String path, OffsetDateTime issuedAt) {
}
