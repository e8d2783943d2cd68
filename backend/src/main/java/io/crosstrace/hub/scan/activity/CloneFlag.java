package io.crosstrace.hub.scan.activity;

import java.time.Instant;

/**
 * A suspicion that a unit code was copied onto other goods, raised once per rule and code.
 *
 * @param rule      the {@link CloneRule} that fired, by name
 * @param reason    what the hub saw, in English, fit to show a consumer or an inspector
 * @param flaggedAt when the hub raised the flag
 * @param reasonZh  the same in Simplified Chinese
 */
public record CloneFlag(String rule, String reason, Instant flaggedAt, String reasonZh) {
}
