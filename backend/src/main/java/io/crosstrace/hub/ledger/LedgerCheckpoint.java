package io.crosstrace.hub.ledger;

import java.time.OffsetDateTime;

/**
 * A sealed run of entries: the Merkle root over their hashes, linked to the checkpoint before.
 *
 * @param number   1, 2, 3, ... without gaps
 * @param fromSeq  its first entry
 * @param toSeq    its last entry (the next checkpoint starts right after)
 * @param root     RFC 6962 root over the hashes of entries {@code fromSeq..toSeq} (hex)
 * @param prevRoot the previous checkpoint's root; 64 zeros for the first
 * @param at       when it was sealed
 */
record LedgerCheckpoint(long number, long fromSeq, long toSeq, String root, String prevRoot, OffsetDateTime at) {
}
