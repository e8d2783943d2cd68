package io.crosstrace.seed;

import io.crosstrace.gs1.Gln;

/** A port or compliance centre goods move through. */
public record Location(Gln gln, String name, String nameZh, LocationKind kind, String country, String city,
                       double latitude, double longitude) {
}
