package io.crosstrace.hub.scan;

/** What the scan page tells the consumer at a glance. */
enum Verdict {
    /** Registered, signature (when present) valid, nothing wrong known. */
    GENUINE,
    /** Registered, but something deserves attention: clone suspicion, revoked certificate, expired product. */
    WARNING,
    /** The batch is recalled: do not use. */
    RECALLED,
    /** The code carries a signature that does not verify: not issued by this hub. */
    NOT_GENUINE
}
