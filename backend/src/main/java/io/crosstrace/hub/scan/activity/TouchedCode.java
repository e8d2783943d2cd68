package io.crosstrace.hub.scan.activity;

import java.time.Instant;

/**
 * A unit code that received scans in one written batch, with the earliest and latest of those scans: the
 * clone rules look at the code's scans around that span only.
 */
record TouchedCode(String path, Instant firstScan, Instant lastScan) {
}
