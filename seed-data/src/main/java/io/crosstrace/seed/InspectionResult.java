package io.crosstrace.seed;

public enum InspectionResult {
    PASS, FAIL
}
