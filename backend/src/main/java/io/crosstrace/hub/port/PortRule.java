package io.crosstrace.hub.port;

/** One check of the green lane, evaluated on the evidence of one code. */
interface PortRule {

    PortCheck check();

    /**
     * The check's result, or null when it does not apply because something it depends on is missing (an unknown
     * code, an unknown or undeclared batch): the check that found that already failed, so nothing is lost.
     */
    CheckResult evaluate(Evidence evidence);
}
