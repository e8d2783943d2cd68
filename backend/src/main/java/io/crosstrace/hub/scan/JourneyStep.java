package io.crosstrace.hub.scan;

import java.time.LocalDate;

/**
 * One step of the product's journey on the scan page.
 *
 * @param step         message key of the step (e.g. {@code PREMISES_AUDIT}, {@code DEPARTURE}, {@code RELEASE})
 * @param date         when
 * @param organization who did it or where it happened
 * @param passed       the result: true passed, false failed, null for events without a result
 * @param detail       a short detail (vessel, port, findings)
 */
record JourneyStep(String step, LocalDate date, String organization, Boolean passed, String detail) {
}
