package io.crosstrace.hub.ledger;

/**
 * The singleton node that says where the ledger ends. Every append and every seal locks it first, so they
 * happen one at a time across all threads and hub instances.
 *
 * @param seq         the last entry's number; 0 while the ledger is empty
 * @param hash        the last entry's hash; 64 zeros while empty
 * @param sealedTo    the last entry covered by a checkpoint; 0 before the first checkpoint
 * @param checkpoints how many checkpoints there are
 * @param lastRoot    the last checkpoint's root; 64 zeros before the first
 */
record LedgerHead(long seq, String hash, long sealedTo, long checkpoints, String lastRoot) {

    long pending() {
        return seq - sealedTo;
    }
}
