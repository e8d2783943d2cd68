package io.crosstrace.hub.port;

/**
 * One check of one unit code, with its reason in English and in Simplified Chinese (the port inspectors' language).
 * Passing checks carry a reason too, so the inspector sees what was found, not only what is wrong.
 */
public record CheckResult(PortCheck check, CheckStatus status, String reason, String reasonZh) {

    static CheckResult pass(PortCheck check, String reason, String reasonZh) {
        return new CheckResult(check, CheckStatus.PASS, reason, reasonZh);
    }

    static CheckResult warn(PortCheck check, String reason, String reasonZh) {
        return new CheckResult(check, CheckStatus.WARN, reason, reasonZh);
    }

    static CheckResult fail(PortCheck check, String reason, String reasonZh) {
        return new CheckResult(check, CheckStatus.FAIL, reason, reasonZh);
    }
}
