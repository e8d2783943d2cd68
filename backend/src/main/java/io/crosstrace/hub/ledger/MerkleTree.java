package io.crosstrace.hub.ledger;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Merkle tree hashing as in RFC 6962 (Certificate Transparency), so roots and proofs can be checked with
 * any implementation of it: a leaf is SHA-256(0x00 || data), an inner node SHA-256(0x01 || left || right),
 * and a tree of n leaves splits at the largest power of two below n. The ledger's leaf data are the entry
 * hashes (32 bytes each).
 */
final class MerkleTree {

    private static final byte[] LEAF_PREFIX = {0x00};
    private static final byte[] NODE_PREFIX = {0x01};

    private MerkleTree() {
    }

    static byte[] leafHash(byte[] data) {
        return LedgerHashing.sha256(LEAF_PREFIX, data);
    }

    static byte[] nodeHash(byte[] left, byte[] right) {
        return LedgerHashing.sha256(NODE_PREFIX, left, right);
    }

    /** The root over leaf hashes; the empty tree's root is SHA-256 of nothing. */
    static byte[] root(List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            return LedgerHashing.sha256();
        }
        return subtreeRoot(leafHashes, 0, leafHashes.size());
    }

    /** The root over the entry hashes (hex) of one checkpoint, as hex. */
    static String rootOfEntries(List<String> entryHashes) {
        List<byte[]> leaves = new ArrayList<>(entryHashes.size());
        for (String hash : entryHashes) {
            leaves.add(leafHash(LedgerHashing.fromHex(hash)));
        }
        return LedgerHashing.toHex(root(leaves));
    }

    /** The audit path of the leaf at {@code index}: the siblings from the leaf up, each with its side. */
    static List<MerkleProof.Step> path(List<byte[]> leafHashes, int index) {
        if (index < 0 || index >= leafHashes.size()) {
            throw new IndexOutOfBoundsException("Leaf " + index + " of a tree of " + leafHashes.size());
        }
        List<MerkleProof.Step> path = new ArrayList<>();
        collectPath(leafHashes, 0, leafHashes.size(), index, path);
        return path;
    }

    private static void collectPath(List<byte[]> leaves, int from, int to, int index, List<MerkleProof.Step> path) {
        int n = to - from;
        if (n == 1) {
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (index < from + k) {
            collectPath(leaves, from, from + k, index, path);
            path.add(new MerkleProof.Step(LedgerHashing.toHex(subtreeRoot(leaves, from + k, to)), MerkleProof.Side.RIGHT));
        } else {
            collectPath(leaves, from + k, to, index, path);
            path.add(new MerkleProof.Step(LedgerHashing.toHex(subtreeRoot(leaves, from, from + k)), MerkleProof.Side.LEFT));
        }
    }

    private static byte[] subtreeRoot(List<byte[]> leaves, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return leaves.get(from);
        }
        int k = largestPowerOfTwoBelow(n);
        return nodeHash(subtreeRoot(leaves, from, from + k), subtreeRoot(leaves, from + k, to));
    }

    static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }

    /**
     * Computes the same root while leaves arrive one by one, keeping only one hash per level (a stack of
     * perfect subtrees, like the digits of a binary counter), so a checker's memory does not grow with the
     * size of a checkpoint.
     */
    static final class RootBuilder {

        private final Deque<byte[]> subtrees = new ArrayDeque<>();
        private final Deque<Long> sizes = new ArrayDeque<>();
        private long size;

        void addEntryHash(String entryHashHex) {
            add(leafHash(LedgerHashing.fromHex(entryHashHex)));
        }

        void add(byte[] leafHash) {
            byte[] hash = leafHash;
            long width = 1;
            while (!sizes.isEmpty() && sizes.peek() == width) {
                hash = nodeHash(subtrees.pop(), hash);
                width += sizes.pop();
            }
            subtrees.push(hash);
            sizes.push(width);
            size++;
        }

        long size() {
            return size;
        }

        /** The root over the leaves added so far: the perfect subtrees folded from the right. */
        byte[] root() {
            if (subtrees.isEmpty()) {
                return LedgerHashing.sha256();
            }
            var iterator = subtrees.iterator();
            byte[] acc = iterator.next();
            while (iterator.hasNext()) {
                acc = nodeHash(iterator.next(), acc);
            }
            return acc;
        }

        String rootHex() {
            return LedgerHashing.toHex(root());
        }
    }
}
