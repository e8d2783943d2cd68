package io.crosstrace.hub.ledger;

/**
 * The check of one entry against the one before it, shared by the full verification and by sealing a
 * checkpoint (which refuses to seal entries that do not chain).
 */
final class ChainLink {

    private ChainLink() {
    }

    /**
     * The problem with {@code entry} when it should be number {@code expectedSeq} and follow an entry with hash
     * {@code expectedPrevHash}; null when it is intact. A gap is reported before a broken link, and a broken
     * link before edited content, so a swap reads as a reordering rather than an edit.
     */
    static Finding check(LedgerEntry entry, long expectedSeq, String expectedPrevHash) {
        if (entry.seq() != expectedSeq) {
            return new Finding(expectedSeq, LedgerProblem.REMOVED,
                    "entry " + expectedSeq + " is missing (the next one is " + entry.seq() + ")");
        }
        if (!expectedPrevHash.equals(entry.prevHash())) {
            return new Finding(entry.seq(), LedgerProblem.REORDERED,
                    "entry " + entry.seq() + " does not carry the hash of entry " + (entry.seq() - 1));
        }
        if (!LedgerHashing.entryHash(entry).equals(entry.hash())) {
            return new Finding(entry.seq(), LedgerProblem.EDITED,
                    "the content of entry " + entry.seq() + " does not match its hash");
        }
        return null;
    }

    record Finding(long seq, LedgerProblem problem, String detail) {
    }
}
