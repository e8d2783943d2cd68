package io.crosstrace.hub.risk;

import java.util.List;

/**
 * One rule of the score: reads a subject's facts and says what it finds, with the points the configuration gives
 * it. Rules do no I/O, so the facts of a whole page are gathered once and every rule runs over them in memory.
 */
public interface RiskRule {

    RiskRuleId id();

    /** The reasons found: usually none or one. */
    List<RiskReason> evaluate(RiskFacts facts, RiskContext context);

    /** One reason worth this rule's weight. */
    default List<RiskReason> reason(RiskContext context, String reason, String reasonZh, List<String> evidence) {
        return List.of(new RiskReason(id(), context.weight(id()), reason, reasonZh, evidence));
    }
}
