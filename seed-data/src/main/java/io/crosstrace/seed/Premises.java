package io.crosstrace.seed;

import io.crosstrace.gs1.Gln;

/**
 * A manufacturing site.
 *
 * @param registrationNumber the overseas manufacturer registration number with the import customs authority
 * @param operator           the producer that runs it
 */
public record Premises(Gln gln, String registrationNumber, String name, String nameZh, String address, String city,
                       String country, double latitude, double longitude, Gln operator) {
}
