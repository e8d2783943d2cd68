package io.crosstrace.hub.risk;

import java.time.LocalDate;
import java.util.List;

/**
 * Premises whose last passed premises audit is older than the maximum age, or that never passed one: the
 * pre-shipment inspection rests on that audit.
 */
final class AuditOverdueRule implements RiskRule {

    @Override
    public RiskRuleId id() {
        return RiskRuleId.AUDIT_OVERDUE;
    }

    @Override
    public List<RiskReason> evaluate(RiskFacts facts, RiskContext context) {
        long maxAge = context.properties().auditMaxAge().toDays();
        LocalDate oldest = context.today().minusDays(maxAge);
        List<String> evidence = facts.audits().stream().distinct()
                .filter(p -> p.lastPassed() == null || p.lastPassed().isBefore(oldest))
                .map(p -> "Premises " + p.name() + " (" + p.gln() + "): "
                        + (p.lastPassed() == null ? "no passed premises audit" : "last passed premises audit on " + p.lastPassed()))
                .toList();
        if (evidence.isEmpty()) {
            return List.of();
        }
        return reason(context, evidence.size() + " premises without a passed audit in the last " + maxAge + " days",
                evidence.size() + "个生产场所在过去" + maxAge + "天内没有通过现场审核", evidence);
    }
}
