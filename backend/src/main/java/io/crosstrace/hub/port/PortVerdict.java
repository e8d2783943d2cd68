package io.crosstrace.hub.port;

import java.util.Collection;

/** What the port does with a unit, and with a consignment (the worst of its sampled units). */
public enum PortVerdict {
    /** Release: every check passed. */
    GREEN,
    /** Documents to review: at least one check warned, none failed. */
    AMBER,
    /** Hold for physical inspection: at least one check failed. */
    RED;

    static PortVerdict of(CheckStatus status) {
        return switch (status) {
            case PASS -> GREEN;
            case WARN -> AMBER;
            case FAIL -> RED;
        };
    }

    /** The worst verdict of these results; GREEN when there are none. */
    static PortVerdict worstOf(Collection<CheckResult> results) {
        PortVerdict worst = GREEN;
        for (CheckResult result : results) {
            worst = worse(worst, of(result.status()));
        }
        return worst;
    }

    static PortVerdict worse(PortVerdict a, PortVerdict b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
