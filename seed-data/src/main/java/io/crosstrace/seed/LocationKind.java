package io.crosstrace.seed;

public enum LocationKind {
    PORT, COMPLIANCE_CENTRE
}
