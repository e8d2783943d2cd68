package io.crosstrace.hub.risk;

import java.util.List;

/** The producer's unit codes were flagged as probable clones lately: its goods are being copied. */
final class CloneFlagsRule implements RiskRule {

    @Override
    public RiskRuleId id() {
        return RiskRuleId.CLONE_FLAGS;
    }

    @Override
    public List<RiskReason> evaluate(RiskFacts facts, RiskContext context) {
        long codes = facts.cloneFlags().stream().mapToLong(RiskFacts.CodeSignals::count).sum();
        if (codes == 0) {
            return List.of();
        }
        return reason(context,
                codes + " unit code(s) of the producer flagged as probable clones in the last " + context.lookbackDays() + " days",
                "过去" + context.lookbackDays() + "天内，生产商有" + codes + "个单品码被标记为疑似复制",
                facts.cloneFlags().stream().flatMap(s -> s.sample().stream()).map(path -> "Flagged code " + path).toList());
    }
}
