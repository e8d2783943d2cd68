package io.crosstrace.hub.ledger;

import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;

/**
 * That one entry hash is among the leaves of a Merkle root: the sibling hashes from the leaf up to the root,
 * each with the side it sits on. Anyone holding the root (published elsewhere) can check the proof without
 * the hub, by hashing as RFC 6962 does: leaf = SHA-256(0x00 || entry hash), node = SHA-256(0x01 || left || right).
 *
 * @param entryHash the entry's hash (hex), the data of the leaf
 * @param leafIndex the leaf's position in its checkpoint, from 0
 * @param treeSize  how many leaves the checkpoint has
 * @param path      the siblings, lowest first
 * @param root      the checkpoint's root (hex)
 */
public record MerkleProof(String entryHash, int leafIndex, int treeSize, List<Step> path, String root) {

    public enum Side { LEFT, RIGHT }

    /** A sibling on the way to the root: its hash (hex) and whether it is the left or the right child. */
    public record Step(String hash, Side side) {
        public Step {
            Objects.requireNonNull(hash, "hash");
            Objects.requireNonNull(side, "side");
        }
    }

    public MerkleProof {
        path = List.copyOf(path);
    }

    /** The leaf hash (hex) the path starts from. */
    public String leaf() {
        return LedgerHashing.toHex(MerkleTree.leafHash(LedgerHashing.fromHex(entryHash)));
    }

    public boolean verifies() {
        return verify(entryHash, path, root);
    }

    /**
     * True when hashing {@code entryHash} up along {@code path} gives {@code root}. Pure: it needs nothing but
     * its arguments, and malformed hex simply does not verify.
     */
    public static boolean verify(String entryHash, List<Step> path, String root) {
        if (entryHash == null || path == null || root == null) {
            return false;
        }
        try {
            byte[] hash = MerkleTree.leafHash(LedgerHashing.fromHex(entryHash));
            for (Step step : path) {
                byte[] sibling = LedgerHashing.fromHex(step.hash());
                hash = step.side() == Side.LEFT ? MerkleTree.nodeHash(sibling, hash) : MerkleTree.nodeHash(hash, sibling);
            }
            return MessageDigest.isEqual(hash, LedgerHashing.fromHex(root));
        } catch (IllegalArgumentException malformedHex) {
            return false;
        }
    }
}
