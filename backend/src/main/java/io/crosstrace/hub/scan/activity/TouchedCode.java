package io.crosstrace.hub.scan.activity;

import java.time.Instant;

/**
 * A unit code that received scans in one written batch, with the earliest and latest of those scans: the
 * clone rules look at the code's scans around that span only.
 *
 * @param id         the code node's element id, valid in the transaction that wrote the scans: creating them locked the
 *                   node, so no one can delete it (and let its id be reused) before that transaction ends
 * @param path       the code's Digital Link path
 * @param newLocated how many of the batch's scans of the code carry a location
 * @param allScans   the code's scans in all, the batch's included
 */
record TouchedCode(String id, String path, Instant firstScan, Instant lastScan, long newLocated, long allScans) {
}
