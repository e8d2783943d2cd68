package io.crosstrace.hub.ledger;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * That an entry is in a checkpoint: its Merkle inclusion proof and which checkpoint's root it leads to.
 *
 * @param seq          the entry
 * @param checkpoint   the checkpoint's number
 * @param fromSeq      the checkpoint's first entry
 * @param toSeq        the checkpoint's last entry
 * @param checkpointAt when the checkpoint was sealed
 * @param merkle       the path from the entry's leaf to the checkpoint's root
 */
public record LedgerProof(long seq, long checkpoint, long fromSeq, long toSeq, OffsetDateTime checkpointAt,
        MerkleProof merkle) {

    public String entryHash() {
        return merkle.entryHash();
    }

    public String leaf() {
        return merkle.leaf();
    }

    public int leafIndex() {
        return merkle.leafIndex();
    }

    public int treeSize() {
        return merkle.treeSize();
    }

    public List<MerkleProof.Step> path() {
        return merkle.path();
    }

    public String root() {
        return merkle.root();
    }

    public boolean verifies() {
        return merkle.verifies();
    }
}
