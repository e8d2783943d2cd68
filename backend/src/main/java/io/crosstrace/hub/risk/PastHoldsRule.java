package io.crosstrace.hub.risk;

import java.util.List;

/** The same importer's consignments, or consignments of the same producer's goods, were held or rejected lately. */
final class PastHoldsRule implements RiskRule {

    @Override
    public RiskRuleId id() {
        return RiskRuleId.PAST_HOLDS;
    }

    @Override
    public List<RiskReason> evaluate(RiskFacts facts, RiskContext context) {
        List<RiskFacts.Hold> holds = facts.holds().stream().distinct().toList();
        if (holds.isEmpty()) {
            return List.of();
        }
        return reason(context,
                holds.size() + " consignment(s) of the same importer or producer held or rejected in the last "
                        + context.lookbackDays() + " days",
                "过去" + context.lookbackDays() + "天内，同一进口商或生产商有" + holds.size() + "批货物被扣留或拒绝入境",
                holds.stream().map(h -> "Consignment " + h.declarationNumber() + " " + h.status() + ", declared " + h.declaredOn())
                        .toList());
    }
}
