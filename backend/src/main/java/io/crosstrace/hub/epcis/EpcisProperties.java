package io.crosstrace.hub.epcis;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the EPCIS 2.0 interface ({@code crosstrace.epcis.*}), announced to clients in the
 * {@code GS1-EPCIS-Capture-Limit} and {@code GS1-EPCIS-Capture-File-Size-Limit} headers.
 *
 * @param captureLimit         most events in one captured document; more is a 413
 * @param captureFileSizeLimit most bytes of one captured document (or single event); more is a 413
 * @param perPage              events per page of a query when the client does not say
 * @param maxPerPage           most events per page a client may ask for
 */
@ConfigurationProperties("crosstrace.epcis")
record EpcisProperties(@DefaultValue("5000") int captureLimit, @DefaultValue("8388608") long captureFileSizeLimit,
                       @DefaultValue("100") int perPage, @DefaultValue("1000") int maxPerPage) {
}
