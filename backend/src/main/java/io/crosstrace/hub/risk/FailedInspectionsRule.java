package io.crosstrace.hub.risk;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Inspections failed lately: the producer's premises audits, batch checks or loading supervision, or port
 * verifications of the importer's consignments. A failed verification of a consignment that was then held or
 * rejected is one incident, already counted by {@link PastHoldsRule}, so it does not count here again.
 */
final class FailedInspectionsRule implements RiskRule {

    @Override
    public RiskRuleId id() {
        return RiskRuleId.FAILED_INSPECTIONS;
    }

    @Override
    public List<RiskReason> evaluate(RiskFacts facts, RiskContext context) {
        Set<String> held = facts.holds().stream().map(RiskFacts.Hold::declarationNumber).collect(Collectors.toSet());
        List<RiskFacts.FailedInspection> failed = facts.failedInspections().stream().distinct()
                .filter(i -> i.consignment() == null || !held.contains(i.consignment())).toList();
        if (failed.isEmpty()) {
            return List.of();
        }
        return reason(context,
                failed.size() + " failed inspection(s) of the producer or the importer in the last " + context.lookbackDays() + " days",
                "过去" + context.lookbackDays() + "天内，生产商或进口商有" + failed.size() + "次检验不合格",
                failed.stream().map(i -> "Inspection " + i.number() + " " + i.kind() + " failed on " + i.performedOn()
                        + ": " + i.subject()).toList());
    }
}
