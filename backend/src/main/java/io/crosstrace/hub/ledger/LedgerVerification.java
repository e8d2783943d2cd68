package io.crosstrace.hub.ledger;

/**
 * The outcome of checking the whole ledger.
 *
 * @param ok                 true when nothing was found
 * @param entriesChecked     entries found intact before the first problem (all of them when ok)
 * @param checkpointsChecked checkpoints whose root was recomputed and matched
 * @param firstBadSeq        the sequence number where the first problem shows; null when ok
 * @param problem            the kind of that problem; null when ok
 * @param detail             what exactly did not match, in words; null when ok
 */
public record LedgerVerification(boolean ok, long entriesChecked, long checkpointsChecked, Long firstBadSeq,
        LedgerProblem problem, String detail) {

    static LedgerVerification intact(long entries, long checkpoints) {
        return new LedgerVerification(true, entries, checkpoints, null, null, null);
    }

    static LedgerVerification failed(long entries, long checkpoints, long seq, LedgerProblem problem, String detail) {
        return new LedgerVerification(false, entries, checkpoints, seq, problem, detail);
    }

    /** One line for logs and the command line. */
    public String summary() {
        if (ok) {
            return "Ledger intact: " + entriesChecked + " entries and " + checkpointsChecked + " checkpoints checked";
        }
        return "Ledger TAMPERED: " + problem + " at seq " + firstBadSeq + " (" + detail + "); " + entriesChecked
                + " entries and " + checkpointsChecked + " checkpoints were intact before it";
    }
}
