package io.crosstrace.seed;

/** What a party does in the chain; an organization may play several roles. */
public enum OrganizationRole {
    PRODUCER, EXPORTER, AUDITOR, PORT_AUTHORITY, IMPORTER, LOGISTICS, PLATFORM
}
