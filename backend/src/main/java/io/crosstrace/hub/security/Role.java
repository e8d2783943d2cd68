package io.crosstrace.hub.security;

/**
 * What a user or a machine client may do. A role belongs to one organization: a PRODUCER acts for its own
 * premises, products and batches only, an IMPORTER for its own consignments, and so on.
 */
public enum Role {
    /** Makes the product abroad: premises, products, batches, unit codes. */
    PRODUCER,
    /** Exports it: shipments of certified batches. */
    EXPORTER,
    /** Third-party inspection body: audits, inspections before shipment, certificates. */
    AUDITOR,
    /** Port inspection authority: consignments arriving at its ports. */
    INSPECTOR,
    /** Importer of record: its consignments and their documents. */
    IMPORTER,
    /** Carrier or forwarder: shipments it carries. */
    LOGISTICS,
    /** Reads everything except commercial documents; changes nothing. */
    ANALYST,
    /** Operates the platform: assesses applications, manages organizations and users. */
    PLATFORM_ADMIN;

    /** The Spring Security authority name, e.g. {@code ROLE_PRODUCER}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
