package io.crosstrace.hub.risk;

/** Where a score falls: below {@code medium-from} LOW, below {@code high-from} MEDIUM, otherwise HIGH. */
public enum RiskLevel {
    LOW, MEDIUM, HIGH
}
