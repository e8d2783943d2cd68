package io.crosstrace.seed;

/** Expiry is not a status: a certificate past its {@code validUntil} is still {@code VALID} but expired. */
public enum CertificateStatus {
    VALID, REVOKED
}
