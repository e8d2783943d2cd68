package io.crosstrace.hub.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.crosstrace.hub.certificate.CertificateSignatures;
import io.crosstrace.hub.certificate.CertificateSignatures.Check;

/** A certificate's signature is checked once per signed content, again as soon as any of it changes. */
class CertificateTrustTest {

    @Test
    void the_result_is_remembered_per_signed_content() {
        CertificateSignatures signatures = mock(CertificateSignatures.class);
        when(signatures.verify("C-1")).thenReturn(Optional.of(Check.VERIFIED), Optional.of(Check.INVALID));
        CertificateTrust trust = new CertificateTrust(signatures);
        CertificateFact original = certificate(LocalDate.of(2027, 6, 30));
        CertificateFact extended = certificate(LocalDate.of(2027, 12, 31));

        assertThat(trust.check(original)).isEqualTo(Check.VERIFIED);
        assertThat(trust.check(certificate(LocalDate.of(2027, 6, 30)))).isEqualTo(Check.VERIFIED);
        assertThat(trust.check(extended)).isEqualTo(Check.INVALID);

        verify(signatures, times(2)).verify("C-1");
    }

    @Test
    void an_unsigned_certificate_costs_no_check() {
        CertificateSignatures signatures = mock(CertificateSignatures.class);
        CertificateFact unsigned = new CertificateFact("C-2", "VALID", LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1), null,
                "Issuer", new CertificateFact.SignedContent("C-2", "TRACEABILITY", "9999999999994", LocalDate.of(2026, 1, 1),
                LocalDate.of(2027, 1, 1), LocalDate.of(2026, 1, 1), List.of("Batch:1/L"), null, null, "k1", "key"));

        assertThat(new CertificateTrust(signatures).check(unsigned)).isEqualTo(Check.UNSIGNED);
        verify(signatures, times(0)).verify("C-2");
    }

    private static CertificateFact certificate(LocalDate validUntil) {
        LocalDate from = LocalDate.of(2026, 7, 1);
        return new CertificateFact("C-1", "VALID", from, validUntil, null, "Issuer",
                new CertificateFact.SignedContent("C-1", "TRACEABILITY", "9999999999994", from, validUntil, from,
                        List.of("Batch:09506000134376/L1"), "signature", "k1", "k1", "public-key"));
    }
}
