package io.crosstrace.hub.port;

/**
 * The checks of the port's green lane, in the order they are reported. Each says when it gives FAIL (the unit is
 * RED: hold for physical inspection) and when WARN (AMBER: documents to review); otherwise it passes. The rule is
 * the same throughout: a record that contradicts the green lane (a failed inspection, a revoked certificate, a
 * forged code, goods not declared) fails; a record that is missing or stale, where a look at the papers can settle
 * it, warns. A check that depends on one that already failed (no batch, batch not declared) is left out.
 */
public enum PortCheck {
    /** FAIL: the text is not a GS1 Digital Link naming one unit (GTIN, lot and serial). Nothing else is checked. */
    CODE_FORMAT,
    /** FAIL: no digital signature (AI 8030) with the code, a signature that does not match it, or an unknown key. */
    CODE_SIGNATURE,
    /** FAIL: the hub never issued a unit code with this path, or issued it under another batch. */
    CODE_ISSUED,
    /** FAIL: the code is not ACTIVE. WARN: consumer scans flagged it as a probable clone. */
    CODE_ACTIVE,
    /** FAIL: the batch the code names is unknown, or not declared in this consignment. */
    BATCH_DECLARED,
    /** FAIL: the batch has no pre-shipment inspection, or the latest one failed. */
    PRE_SHIPMENT_INSPECTION,
    /** FAIL: the latest label approval of the batch failed. WARN: there is none on record. */
    LABEL_APPROVAL,
    /** FAIL: the latest loading supervision (of the consignment's shipment or of the batch) failed. WARN: none. */
    LOADING_SUPERVISION,
    /**
     * FAIL: no traceability certificate of the batch is valid today (none, revoked, expired, not yet valid), or the
     * valid one's issuer signature does not verify. WARN: the valid certificate is unsigned (issued before signing).
     */
    TRACEABILITY_CERTIFICATE,
    /**
     * FAIL: the premises that made the batch have no premises audit, or the latest one failed. WARN: the latest
     * passing audit is older than {@code crosstrace.port.max-audit-age-days}.
     */
    PREMISES_AUDIT,
    /**
     * FAIL: the declared batch is not on the consignment's shipment, more units are declared than the shipment
     * carries, or the shipment's consignments together declare more than it carries. WARN: the passing pre-shipment
     * inspection states no sampled quantity.
     */
    QUANTITIES,
    /**
     * FAIL: a production or expiry date declared for the batch differs from the batch's record. WARN: the
     * declaration states no dates (they are optional on {@code DECLARES}), or the batch record has none to compare.
     */
    DATES,
    /**
     * FAIL: expired, or less shelf life left than {@code crosstrace.port.min-shelf-life-days} (or, when set,
     * {@code min-shelf-life-fraction} of the whole). WARN: the batch has no expiry date on record.
     */
    SHELF_LIFE,
    /** FAIL: an active recall covers the batch. */
    RECALL,
    /** WARN: another consignment of the same batch is HELD or REJECTED at a port. */
    HOLD,
    /** FAIL: an active blacklisting blocks the producer organization, the premises or the importer. */
    BLACKLIST,
    /**
     * FAIL: a partner captured an EPCIS event that puts the unit or its batch out of circulation (destroyed, stolen,
     * recalled, disposed, expired). WARN: one that asks for a closer look (damaged, non-conformant, a mismatch).
     */
    PARTNER_EVENTS
}
