package io.crosstrace.hub.scan.activity;

/** A rule that fired for a code (by element id and path), with the reasons to store on its flag. */
record CloneFinding(String codeId, String codePath, CloneRule rule, String reason, String reasonZh) {
}
