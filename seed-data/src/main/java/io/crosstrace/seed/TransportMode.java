package io.crosstrace.seed;

public enum TransportMode {
    SEA, AIR
}
