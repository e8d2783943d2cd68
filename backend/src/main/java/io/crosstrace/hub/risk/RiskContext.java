package io.crosstrace.hub.risk;

import java.time.LocalDate;

/**
 * What the rules judge facts against: the configuration and the day of the computation.
 */
public record RiskContext(RiskProperties properties, LocalDate today) {

    public int weight(RiskRuleId rule) {
        return properties.weight(rule);
    }

    public long lookbackDays() {
        return properties.lookback().toDays();
    }
}
