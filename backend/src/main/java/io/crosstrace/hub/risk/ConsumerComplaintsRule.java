package io.crosstrace.hub.risk;

import java.util.List;

/** Consumers reported problems with the producer's unit codes lately. */
final class ConsumerComplaintsRule implements RiskRule {

    @Override
    public RiskRuleId id() {
        return RiskRuleId.CONSUMER_COMPLAINTS;
    }

    @Override
    public List<RiskReason> evaluate(RiskFacts facts, RiskContext context) {
        long reports = facts.complaints().stream().mapToLong(RiskFacts.CodeSignals::count).sum();
        if (reports == 0) {
            return List.of();
        }
        return reason(context,
                reports + " consumer problem report(s) about the producer's unit codes in the last " + context.lookbackDays() + " days",
                "过去" + context.lookbackDays() + "天内，消费者就生产商的单品码提交了" + reports + "份问题报告",
                facts.complaints().stream().flatMap(s -> s.sample().stream()).map(number -> "Problem report " + number).toList());
    }
}
