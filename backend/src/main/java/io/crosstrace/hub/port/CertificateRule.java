package io.crosstrace.hub.port;

import static io.crosstrace.hub.port.PortCheck.TRACEABILITY_CERTIFICATE;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.crosstrace.hub.certificate.CertificateSignatures.Check;

/**
 * A traceability certificate of the batch is valid today and its issuer's signature verifies. When none is valid,
 * the reason names the most telling one: revoked before expired before not yet valid.
 */
final class CertificateRule implements PortRule {

    @Override
    public PortCheck check() {
        return TRACEABILITY_CERTIFICATE;
    }

    @Override
    public CheckResult evaluate(Evidence e) {
        if (!e.facts().batchFound()) {
            return null;
        }
        List<CertificateFact> all = e.facts().certificates();
        List<CertificateFact> valid = all.stream().filter(c -> c.validOn(e.today())).toList();
        if (valid.isEmpty()) {
            return invalid(e, all);
        }
        // The best of the valid ones: a verified signature, else an unsigned (older) certificate, else a broken one.
        CertificateFact best = valid.stream().min(Comparator.comparingInt(c -> rank(e, c))).orElseThrow();
        Check signature = e.certificateChecks().getOrDefault(best.number(), Check.INVALID);
        return switch (signature) {
            case VERIFIED -> CheckResult.pass(TRACEABILITY_CERTIFICATE, "Certificate " + best.number() + " valid until "
                    + best.validUntil() + ", issuer's signature verified",
                    "溯源证书 " + best.number() + " 有效期至 " + best.validUntil() + "，签发机构签名已验证");
            case UNSIGNED -> CheckResult.warn(TRACEABILITY_CERTIFICATE, "Certificate " + best.number()
                    + " is valid but carries no issuer signature: check it against the issuer's copy",
                    "溯源证书 " + best.number() + " 有效但无签发机构电子签名，请与签发机构存档核对");
            case INVALID -> CheckResult.fail(TRACEABILITY_CERTIFICATE, "The issuer's signature on certificate "
                    + best.number() + " does not verify: the certificate was altered after it was issued",
                    "溯源证书 " + best.number() + " 的签发机构签名验证失败，证书在签发后被改动");
        };
    }

    private static int rank(Evidence e, CertificateFact certificate) {
        return switch (e.certificateChecks().getOrDefault(certificate.number(), Check.INVALID)) {
            case VERIFIED -> 0;
            case UNSIGNED -> 1;
            case INVALID -> 2;
        };
    }

    private static CheckResult invalid(Evidence e, List<CertificateFact> all) {
        Optional<CertificateFact> revoked = all.stream().filter(c -> "REVOKED".equals(c.status())).findFirst();
        if (revoked.isPresent()) {
            CertificateFact c = revoked.get();
            String why = c.revokedReason() == null ? "" : ": " + c.revokedReason();
            return CheckResult.fail(TRACEABILITY_CERTIFICATE, "Traceability certificate " + c.number() + " was revoked" + why,
                    "溯源证书 " + c.number() + " 已被撤销" + (c.revokedReason() == null ? "" : "：" + c.revokedReason()));
        }
        Optional<CertificateFact> expired = all.stream()
                .filter(c -> c.validUntil() != null && c.validUntil().isBefore(e.today()))
                .max(Comparator.comparing(CertificateFact::validUntil));
        if (expired.isPresent()) {
            CertificateFact c = expired.get();
            return CheckResult.fail(TRACEABILITY_CERTIFICATE, "Traceability certificate " + c.number() + " expired on "
                    + c.validUntil(), "溯源证书 " + c.number() + " 已于 " + c.validUntil() + " 过期");
        }
        Optional<CertificateFact> early = all.stream()
                .filter(c -> c.validFrom() != null && c.validFrom().isAfter(e.today())).findFirst();
        if (early.isPresent()) {
            CertificateFact c = early.get();
            return CheckResult.fail(TRACEABILITY_CERTIFICATE, "Traceability certificate " + c.number()
                    + " is valid only from " + c.validFrom(), "溯源证书 " + c.number() + " 自 " + c.validFrom() + " 起才生效");
        }
        return CheckResult.fail(TRACEABILITY_CERTIFICATE, "No valid traceability certificate for batch " + e.lot(),
                "批次 " + e.lot() + " 无有效溯源证书");
    }
}
