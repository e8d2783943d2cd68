package io.crosstrace.seed;

public enum ConsignmentStatus {
    DECLARED, IN_TRANSIT, ARRIVED, UNDER_INSPECTION, RELEASED, HELD, REJECTED
}
