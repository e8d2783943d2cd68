package io.crosstrace.hub.epcis;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A capture job of the REST binding ({@code GET /epcis/capture/{captureID}}). Jobs run inside the request
 * (ADR 0013), so a job that can be read has finished: {@code running} is always false.
 *
 * @param receipts what became of each event of the document
 * @param errors   the problems of the rejected events; empty when {@code success}
 */
record CaptureJob(String captureID, OffsetDateTime createdAt, OffsetDateTime finishedAt, boolean running,
                  boolean success, String captureErrorBehaviour, List<EpcisProblem> errors, List<EventReceipt> receipts) {
}
