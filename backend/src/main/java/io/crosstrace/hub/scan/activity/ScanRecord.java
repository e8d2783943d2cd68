package io.crosstrace.hub.scan.activity;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One consumer scan of a unit code, as the scan page saw it. The client's address and user agent are only
 * ever stored as a salted hash of both; coordinates only when the consumer consented to share them.
 *
 * @param codePath      the unit's Digital Link path, {@code /01/{gtin}/10/{lot}/21/{serial}}
 * @param scannedAt     when the page received the scan
 * @param clientAddress the client's IP address (hashed with the user agent, never stored as such)
 * @param userAgent     the client's {@code User-Agent} (hashed with the address, never stored as such)
 * @param language      the language the page answered in, a BCP 47 tag; stored as {@code und} when absent
 * @param latitude      WGS-84 latitude in degrees, only with the consumer's consent; together with longitude
 * @param longitude     WGS-84 longitude in degrees, only with the consumer's consent; together with latitude
 * @param country       ISO 3166-1 alpha-2 country of the client when a trusted source tells it (for example
 *                      a country header set by the hub's own edge proxy); null when unknown
 */
public record ScanRecord(String codePath, Instant scannedAt, String clientAddress, String userAgent, String language,
        Double latitude, Double longitude, String country) {

    /** BCP 47 "undetermined", stored when the page did not know the language. */
    static final String UNDETERMINED_LANGUAGE = "und";
    /** Longest tag kept: enough for any real tag, and a bound on what a client can make the hub store. */
    private static final int MAX_LANGUAGE_LENGTH = 35;

    public ScanRecord {
        Objects.requireNonNull(codePath, "codePath");
        Objects.requireNonNull(scannedAt, "scannedAt");
        if ((latitude == null) != (longitude == null)) {
            throw new IllegalArgumentException("A location needs both latitude and longitude");
        }
        if (latitude != null && !(latitude >= -90 && latitude <= 90 && longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("No such location: " + latitude + ", " + longitude);
        }
        if (country != null && !country.matches("[A-Za-z]{2}")) {
            throw new IllegalArgumentException("A country is an ISO 3166-1 alpha-2 code, not '" + country + "'");
        }
        country = country == null ? null : country.toUpperCase(Locale.ROOT);
        language = language == null || language.isBlank() ? UNDETERMINED_LANGUAGE : language.strip();
        language = language.length() > MAX_LANGUAGE_LENGTH ? language.substring(0, MAX_LANGUAGE_LENGTH) : language;
    }

    /** A scan whose country is unknown, which is what the scan page knows today. */
    public ScanRecord(String codePath, Instant scannedAt, String clientAddress, String userAgent, String language,
            Double latitude, Double longitude) {
        this(codePath, scannedAt, clientAddress, userAgent, language, latitude, longitude, null);
    }

    boolean located() {
        return latitude != null;
    }
}
