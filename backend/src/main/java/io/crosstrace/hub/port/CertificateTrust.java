package io.crosstrace.hub.port;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.crosstrace.hub.certificate.CertificateSignatures;
import io.crosstrace.hub.certificate.CertificateSignatures.Check;

/**
 * Whether a certificate's issuer signature verifies, remembered per signed content. The verification read already
 * returns everything the signature covers (see {@link CertificateFact.SignedContent}); the result for that exact
 * content cannot change, so only a certificate not seen before, or one changed since, costs the certificate
 * feature's own check (one more statement). This keeps a verdict at one read in the steady state without a second
 * copy of the signed-text format here.
 */
@Component
class CertificateTrust {

    /** Far more than the certificates valid at any time; when reached the memory starts again. */
    static final int MAX_REMEMBERED = 10_000;

    private final CertificateSignatures signatures;
    private final Map<CertificateFact.SignedContent, Check> remembered = new ConcurrentHashMap<>();

    CertificateTrust(CertificateSignatures signatures) {
        this.signatures = signatures;
    }

    Check check(CertificateFact certificate) {
        if (certificate.signed().signature() == null) {
            return Check.UNSIGNED;
        }
        Check known = remembered.get(certificate.signed());
        if (known != null) {
            return known;
        }
        Check checked = signatures.verify(certificate.number()).orElse(Check.INVALID);
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.clear();
        }
        remembered.put(certificate.signed(), checked);
        return checked;
    }
}
