package io.crosstrace.hub.risk;

/** What a score was computed for; an organization is scored as producer and/or importer by its roles. */
public enum RiskSubjectKind {
    CONSIGNMENT, BATCH, PRODUCER, IMPORTER
}
