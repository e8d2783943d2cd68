package io.crosstrace.hub.scan.activity;

/** A rule that fired for a code, with the reasons to store on its flag. */
record CloneFinding(String codePath, CloneRule rule, String reason, String reasonZh) {
}
