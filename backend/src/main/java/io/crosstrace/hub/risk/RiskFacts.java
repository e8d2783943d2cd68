package io.crosstrace.hub.risk;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * What the graph says about one subject, gathered by one statement per subject kind ({@link RiskFactsReader}); the
 * rules read only this, so they can be tested with facts made by hand. Lists are empty where a fact does not apply
 * (a batch has no importer, an importer no premises).
 *
 * @param blacklisted       active blacklistings of the parties and premises involved
 * @param holds             held or rejected consignments of the importer or with the producer's batches (lookback)
 * @param failedInspections failed inspections concerning the producer or the importer (lookback)
 * @param certificates      certificates of the batches concerned and of their premises
 * @param audits            the premises concerned, with the dates of their passed premises audits
 * @param declaredItems     declared quantities of the consignments concerned, with what their shipments carried
 * @param batchTotals       produced, shipped and declared totals of the batches concerned
 * @param cloneFlags        probable clones among the producer's unit codes (lookback)
 * @param complaints        consumer problem reports about the producer's unit codes (lookback)
 * @param partnerEvents     EPCIS events partners captured about the producer's batches or units with an adverse
 *                          disposition (lookback)
 * @param partners          the producers and importers involved, with when they joined
 * @param categories        product categories involved
 */
public record RiskFacts(List<Blocked> blacklisted, List<Hold> holds, List<FailedInspection> failedInspections,
        List<CertificateFact> certificates, List<PremisesAudits> audits, List<DeclaredItem> declaredItems,
        List<BatchTotals> batchTotals, List<CodeSignals> cloneFlags, List<CodeSignals> complaints,
        List<CodeSignals> partnerEvents, List<Partner> partners, Set<String> categories) {

    public static final RiskFacts NONE = new RiskFacts(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of(), List.of(), List.of(), List.of(), Set.of());

    /**
     * An active blacklisting of a party or premises.
     *
     * @param role PRODUCER, PREMISES, IMPORTER, SHIPPER or ORGANIZATION (the organization scored itself)
     */
    public record Blocked(String id, String role, String gln, String name, String reason) {
    }

    public record Hold(String declarationNumber, String status, LocalDate declaredOn) {
    }

    /**
     * @param subject     what was inspected, e.g. {@code Batch 0933.../L2606A01}
     * @param consignment the declaration number when a consignment was inspected, else null
     */
    public record FailedInspection(String number, String kind, LocalDate performedOn, String subject, String consignment) {
    }

    /** @param subject what it certifies, e.g. {@code Premises 9350...} */
    public record CertificateFact(String number, String kind, String status, LocalDate validUntil, String subject) {
    }

    /** @param passedAuditDates dates of its PASS premises audits, any order */
    public record PremisesAudits(String gln, String name, List<LocalDate> passedAuditDates) {

        public LocalDate lastPassed() {
            return passedAuditDates.stream().max(LocalDate::compareTo).orElse(null);
        }
    }

    /**
     * One batch declared in one consignment.
     *
     * @param shippedOnShipment  units of the batch the consignment's shipment carried; null when it did not carry it
     * @param declaredOnShipment units of the batch declared by all consignments of that shipment
     */
    public record DeclaredItem(String consignment, String batch, long declared, Long shippedOnShipment,
            long declaredOnShipment) {
    }

    /** @param produced units produced (coded); null when unknown */
    public record BatchTotals(String batch, Long produced, long shipped, long declared) {
    }

    /**
     * Signals raised on a producer's unit codes.
     *
     * @param count  flagged codes, or reports
     * @param sample a few code paths or report numbers
     */
    public record CodeSignals(String producer, long count, List<String> sample) {
    }

    /**
     * A producer or importer involved.
     *
     * @param createdAt  when the organization was created, where recorded
     * @param approvedAt when its registration was approved, where it applied through the platform
     */
    public record Partner(String gln, String name, String role, OffsetDateTime createdAt, OffsetDateTime approvedAt) {
    }
}
