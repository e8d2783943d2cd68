package io.crosstrace.hub.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.crosstrace.hub.ledger.MerkleProof.Side;
import io.crosstrace.hub.ledger.MerkleProof.Step;

/** RFC 6962 hashing, checked against the Certificate Transparency reference vectors. */
class MerkleTreeTest {

    /** The reference leaves' data, and the roots of the trees over the first 1..8 of them. */
    private static final List<String> CT_DATA = List.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f");
    private static final List<String> CT_ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    @Test
    void roots_match_the_rfc_6962_reference_vectors() {
        assertThat(LedgerHashing.toHex(MerkleTree.root(List.of())))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        for (int n = 1; n <= CT_DATA.size(); n++) {
            assertThat(LedgerHashing.toHex(MerkleTree.root(ctLeaves(n)))).as("tree of %d", n).isEqualTo(CT_ROOTS.get(n - 1));
        }
    }

    @Test
    void audit_paths_match_the_reference_vectors() {
        assertThat(MerkleTree.path(ctLeaves(8), 0)).containsExactly(
                new Step("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7", Side.RIGHT),
                new Step("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", Side.RIGHT),
                new Step("6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4", Side.RIGHT));
        assertThat(MerkleTree.path(ctLeaves(8), 5)).containsExactly(
                new Step("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b", Side.LEFT),
                new Step("ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0", Side.RIGHT),
                new Step("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7", Side.LEFT));
        assertThat(MerkleProof.verify(CT_DATA.get(5), MerkleTree.path(ctLeaves(8), 5), CT_ROOTS.get(7))).isTrue();
    }

    @Test
    void the_streaming_root_equals_the_recursive_one_for_every_size() {
        for (int n = 0; n <= 70; n++) {
            List<String> hashes = entryHashes(n);
            MerkleTree.RootBuilder builder = new MerkleTree.RootBuilder();
            hashes.forEach(builder::addEntryHash);
            assertThat(builder.rootHex()).as("tree of %d", n).isEqualTo(MerkleTree.rootOfEntries(hashes));
            assertThat(builder.size()).isEqualTo(n);
        }
    }

    @Test
    void every_leaf_proof_verifies_and_any_change_breaks_it() {
        for (int n = 1; n <= 33; n++) {
            List<String> hashes = entryHashes(n);
            List<byte[]> leaves = hashes.stream().map(h -> MerkleTree.leafHash(LedgerHashing.fromHex(h))).toList();
            String root = MerkleTree.rootOfEntries(hashes);
            for (int i = 0; i < n; i++) {
                List<Step> path = MerkleTree.path(leaves, i);
                MerkleProof proof = new MerkleProof(hashes.get(i), i, n, path, root);
                assertThat(proof.verifies()).as("leaf %d of %d", i, n).isTrue();
                assertThat(MerkleProof.verify(LedgerHashing.sha256Hex("forged"), path, root)).isFalse();
                assertThat(MerkleProof.verify(hashes.get(i), path, MerkleTree.rootOfEntries(entryHashes(n + 1)))).isFalse();
                if (!path.isEmpty()) {
                    List<Step> flipped = new ArrayList<>(path);
                    Step first = flipped.getFirst();
                    flipped.set(0, new Step(first.hash(), first.side() == Side.LEFT ? Side.RIGHT : Side.LEFT));
                    assertThat(MerkleProof.verify(hashes.get(i), flipped, root)).isFalse();
                    List<Step> changed = new ArrayList<>(path);
                    changed.set(path.size() - 1, new Step(LedgerHashing.sha256Hex("other"), path.getLast().side()));
                    assertThat(MerkleProof.verify(hashes.get(i), changed, root)).isFalse();
                }
            }
        }
    }

    @Test
    void malformed_input_does_not_verify() {
        assertThat(MerkleProof.verify("not hex", List.of(), LedgerHashing.GENESIS)).isFalse();
        assertThat(MerkleProof.verify(null, List.of(), LedgerHashing.GENESIS)).isFalse();
    }

    private static List<byte[]> ctLeaves(int n) {
        return CT_DATA.subList(0, n).stream().map(d -> MerkleTree.leafHash(LedgerHashing.fromHex(d))).toList();
    }

    private static List<String> entryHashes(int n) {
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            hashes.add(LedgerHashing.sha256Hex("entry " + i));
        }
        return hashes;
    }
}
