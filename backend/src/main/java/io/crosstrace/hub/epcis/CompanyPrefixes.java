package io.crosstrace.hub.epcis;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * The GS1 company prefixes the hub knows. A GS1 key does not say where its company prefix ends (GS1 General
 * Specifications §1.4.3: 6 to 12 digits), but an EPC URN must (TDS 2.x §6), so translating a Digital Link into a
 * URN needs the prefix; the full GS1 prefix-length table is not available here.
 */
public interface CompanyPrefixes {

    /** All known prefixes (digits only). */
    Collection<String> all();

    /** The length of the known company prefix at the start of {@code keyDigits}; the longest one if several match. */
    default Optional<Integer> lengthAtStartOf(String keyDigits) {
        int best = -1;
        for (String prefix : all()) {
            if (prefix.length() > best && prefix.length() >= 6 && prefix.length() <= 12 && keyDigits.startsWith(prefix)) {
                best = prefix.length();
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(best);
    }

    static CompanyPrefixes of(String... prefixes) {
        Set<String> set = Set.of(prefixes);
        return () -> set;
    }
}
