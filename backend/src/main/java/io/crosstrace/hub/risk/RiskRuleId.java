package io.crosstrace.hub.risk;

/**
 * The rules a risk score is made of, by their stable name (the GraphQL enum {@code RiskRule}). Each has one
 * {@link RiskRule} class that reads the subject's {@link RiskFacts}.
 */
public enum RiskRuleId {
    /** An active blacklisting blocks a party or premises involved: forces the score to 100 (HIGH). */
    BLACKLISTED,
    /** Consignments of the same importer or with the same producer's batches were held or rejected. */
    PAST_HOLDS,
    /** Failed inspections of the producer's premises, batches or shipments, or of the importer's consignments. */
    FAILED_INSPECTIONS,
    /** A certificate of a batch or premises expires soon or has expired. */
    CERTIFICATE_EXPIRING,
    /** A certificate of a batch or premises was revoked. */
    CERTIFICATE_REVOKED,
    /** The last passed premises audit is old, or there is none. */
    AUDIT_OVERDUE,
    /** Declared, shipped and produced quantities do not add up. */
    QUANTITY_MISMATCH,
    /** Unit codes of the producer are flagged as probable clones. */
    CLONE_FLAGS,
    /** Consumers reported problems with the producer's unit codes. */
    CONSUMER_COMPLAINTS,
    /** Partners captured EPCIS events about the producer's goods with an adverse disposition (damaged, stolen…). */
    PARTNER_EVENTS,
    /** The producer or importer became a partner recently. */
    NEW_PARTNER,
    /** The product category carries risk of its own (infant formula above milk powder). */
    PRODUCT_CATEGORY
}
