package io.crosstrace.hub.risk;

import java.util.List;

/**
 * One contribution to a score, with what it was based on, so every score can be explained and checked.
 *
 * @param rule     the rule that fired
 * @param points   what it adds to the score
 * @param reason   what the rule saw, in English
 * @param reasonZh the same in Simplified Chinese
 * @param evidence the records it saw (numbers, keys, dates), at most {@link #MAX_EVIDENCE}
 */
public record RiskReason(RiskRuleId rule, int points, String reason, String reasonZh, List<String> evidence) {

    /** Enough to follow up; the rest is in the graph. */
    public static final int MAX_EVIDENCE = 10;

    public RiskReason {
        evidence = evidence.size() > MAX_EVIDENCE ? List.copyOf(evidence.subList(0, MAX_EVIDENCE)) : List.copyOf(evidence);
    }
}
