package io.crosstrace.hub.epcis;

import java.time.OffsetDateTime;

/**
 * An event as the graph holds it: its JSON as captured, the {@code @context} of its document, and what the
 * repository added (its ID, hash, record time and query values).
 */
public record StoredEvent(String eventId, String hashId, String type, OffsetDateTime eventTime,
                          OffsetDateTime recordTime, String action, String bizStep, String disposition, String readPoint,
                          String bizLocation, String json, String context) {
}
