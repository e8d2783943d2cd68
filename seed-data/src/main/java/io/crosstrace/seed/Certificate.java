package io.crosstrace.seed;

import java.time.LocalDate;

import io.crosstrace.gs1.Gln;

/** {@code revokedReason} is set exactly when {@code status} is {@code REVOKED}. */
public record Certificate(String number, CertificateKind kind, LocalDate issuedOn, LocalDate validFrom,
                          LocalDate validUntil, CertificateStatus status, String revokedReason, Gln issuer,
                          Target subject) {

    public boolean isExpiredOn(LocalDate day) {
        return validUntil.isBefore(day);
    }
}
