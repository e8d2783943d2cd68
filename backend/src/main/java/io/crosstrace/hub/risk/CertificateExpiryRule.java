package io.crosstrace.hub.risk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A batch's or premises' certificate expires within the window or has expired. Per subject and kind only the valid
 * certificate that lasts longest counts, so a renewed certificate clears the reason.
 */
final class CertificateExpiryRule implements RiskRule {

    @Override
    public RiskRuleId id() {
        return RiskRuleId.CERTIFICATE_EXPIRING;
    }

    @Override
    public List<RiskReason> evaluate(RiskFacts facts, RiskContext context) {
        long window = context.properties().certificateExpiryWindow().toDays();
        LocalDate limit = context.today().plusDays(window);
        Map<String, Optional<RiskFacts.CertificateFact>> longestValid = facts.certificates().stream()
                .filter(c -> "VALID".equals(c.status()) && c.validUntil() != null)
                .collect(Collectors.groupingBy(c -> c.subject() + "|" + c.kind(),
                        Collectors.maxBy(Comparator.comparing(RiskFacts.CertificateFact::validUntil))));
        List<String> evidence = new ArrayList<>();
        longestValid.values().stream().flatMap(Optional::stream)
                .filter(c -> !c.validUntil().isAfter(limit))
                .sorted(Comparator.comparing(RiskFacts.CertificateFact::validUntil).thenComparing(RiskFacts.CertificateFact::number))
                .forEach(c -> evidence.add("Certificate " + c.number() + " (" + c.kind() + ") of " + c.subject()
                        + (c.validUntil().isBefore(context.today()) ? " expired on " : " valid until ") + c.validUntil()));
        if (evidence.isEmpty()) {
            return List.of();
        }
        return reason(context, evidence.size() + " certificate(s) expire within " + window + " days or have expired",
                evidence.size() + "份证书将在" + window + "天内到期或已过期", evidence);
    }
}
