package io.crosstrace.hub.port;

/**
 * The outcome of one check. The mapping to the verdict is fixed and the same for every check: a FAIL makes the
 * code RED, a WARN makes it AMBER, so each check's documentation only has to say which findings are which.
 */
public enum CheckStatus {
    /** Nothing to object. */
    PASS,
    /** Documents to review: something is missing or out of date, but nothing contradicts the green lane. */
    WARN,
    /** The unit cannot be released on documents: hold it for physical inspection. */
    FAIL
}
