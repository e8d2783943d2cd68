package io.crosstrace.hub.risk;

import java.util.List;

/** A certificate of a batch or premises concerned was revoked by its issuer. */
final class CertificateRevokedRule implements RiskRule {

    @Override
    public RiskRuleId id() {
        return RiskRuleId.CERTIFICATE_REVOKED;
    }

    @Override
    public List<RiskReason> evaluate(RiskFacts facts, RiskContext context) {
        List<String> evidence = facts.certificates().stream().filter(c -> "REVOKED".equals(c.status()))
                .map(c -> "Certificate " + c.number() + " (" + c.kind() + ") of " + c.subject() + " revoked").distinct().toList();
        if (evidence.isEmpty()) {
            return List.of();
        }
        return reason(context, evidence.size() + " certificate(s) revoked", evidence.size() + "份证书已被撤销", evidence);
    }
}
