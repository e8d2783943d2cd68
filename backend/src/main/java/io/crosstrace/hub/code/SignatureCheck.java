package io.crosstrace.hub.code;

/** What a scanned code's signature (GS1 AI 8030) says about the code. */
public enum SignatureCheck {
    /** Signed by one of the hub's keys over exactly this Digital Link path. */
    VALID,
    /** A signature that does not match the path, or a value that is not a signature in the hub's format. */
    INVALID,
    /** Well formed, but names a key id the hub does not have. */
    UNKNOWN_KEY,
    /** No signature came with the code (labels printed before signing, or a link typed by hand). */
    ABSENT
}
