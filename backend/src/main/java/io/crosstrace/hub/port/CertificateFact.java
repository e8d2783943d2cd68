package io.crosstrace.hub.port;

import static io.crosstrace.hub.graphdb.GraphValues.date;
import static io.crosstrace.hub.graphdb.GraphValues.str;
import static io.crosstrace.hub.graphdb.GraphValues.strings;

import java.time.LocalDate;
import java.util.List;

import org.neo4j.driver.Value;

/**
 * A traceability certificate of the batch.
 *
 * @param signed everything its issuer's signature covers or depends on, as read: the key under which a verification
 *               result may be remembered (see {@link CertificateTrust})
 */
record CertificateFact(String number, String status, LocalDate validFrom, LocalDate validUntil, String revokedReason,
        String issuerName, SignedContent signed) {

    /** The certificate's signed text, its signature and the issuer key it must verify under. */
    record SignedContent(String number, String kind, String issuerGln, LocalDate validFrom, LocalDate validUntil,
            LocalDate issuedOn, List<String> subjects, String signature, String signatureKeyId, String issuerKeyId,
            String issuerPublicKey) {
    }

    boolean validOn(LocalDate day) {
        return "VALID".equals(status) && validFrom != null && validUntil != null
                && !day.isBefore(validFrom) && !day.isAfter(validUntil);
    }

    static CertificateFact from(Value v) {
        Value issuer = v.get("issuer");
        boolean known = !issuer.isNull();
        List<String> subjects = strings(v, "subjects").stream().sorted().toList();
        return new CertificateFact(str(v, "number"), str(v, "status"), date(v, "validFrom"), date(v, "validUntil"),
                str(v, "revokedReason"), known ? str(issuer, "name") : null,
                new SignedContent(str(v, "number"), str(v, "kind"), known ? str(issuer, "gln") : null,
                        date(v, "validFrom"), date(v, "validUntil"), date(v, "issuedOn"), subjects, str(v, "signature"),
                        str(v, "signatureKeyId"), known ? str(issuer, "certificateKeyId") : null,
                        known ? str(issuer, "certificatePublicKey") : null));
    }
}
