package io.crosstrace.seed;

public enum CertificateKind {
    TRACEABILITY, PREMISES_REGISTRATION, HEALTH, ORIGIN
}
