package io.crosstrace.seed;

import io.crosstrace.gs1.Gln;
import io.crosstrace.gs1.Gtin;

/** A trade item; {@code owner} is the brand owner. */
public record Product(Gtin gtin, String nameEn, String nameZh, String brand, String netContent, String category,
                      Gln owner) {
}
