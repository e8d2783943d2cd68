package io.crosstrace.hub.ledger;

/** What kind of tampering a verification found first. */
public enum LedgerProblem {
    /** An entry's content no longer matches its hash. */
    EDITED,
    /** A sequence number is missing: an entry was removed from the middle. */
    REMOVED,
    /** An entry does not carry the hash of the entry before it: entries were moved, swapped or re-hashed. */
    REORDERED,
    /** A checkpoint's root, link or range does not match the entries, or a checkpoint is missing. */
    CHECKPOINT_MISMATCH,
    /** The head does not point at the last entry, e.g. entries were cut off the end. */
    HEAD_MISMATCH
}
