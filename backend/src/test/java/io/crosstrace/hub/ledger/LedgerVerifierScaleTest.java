package io.crosstrace.hub.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.neo4j.driver.types.MapAccessor;

/**
 * The verifier over a ledger of {@value #SIZE} entries served page by page from memory, no database: it reads
 * in bounded pages, never the whole ledger at once, and still finds a single edit deep inside.
 */
class LedgerVerifierScaleTest {

    private static final int SIZE = 200_000;
    private static final int CHECKPOINT_SIZE = 256;
    private static final int PAGE_SIZE = 1_000;
    private static final OffsetDateTime START = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private static final String[] hashes = new String[SIZE + 1];
    private static final List<Map<String, Object>> checkpoints = new ArrayList<>();

    @BeforeAll
    static void buildChain() {
        String previous = LedgerHashing.GENESIS;
        String previousRoot = LedgerHashing.GENESIS;
        MerkleTree.RootBuilder tree = new MerkleTree.RootBuilder();
        for (int seq = 1; seq <= SIZE; seq++) {
            LedgerEntry entry = entry(seq, previous, "action");
            hashes[seq] = LedgerHashing.entryHash(entry);
            previous = hashes[seq];
            tree.addEntryHash(hashes[seq]);
            if (seq % CHECKPOINT_SIZE == 0) {
                String root = tree.rootHex();
                checkpoints.add(Map.of("number", (long) checkpoints.size() + 1, "fromSeq", (long) seq - CHECKPOINT_SIZE + 1,
                        "toSeq", (long) seq, "root", root, "prevRoot", previousRoot, "at", START));
                previousRoot = root;
                tree = new MerkleTree.RootBuilder();
            }
        }
    }

    @Test
    void a_large_intact_ledger_verifies_in_bounded_pages() {
        FakeGraph graph = new FakeGraph(-1);

        LedgerVerification report = new LedgerVerifier(graph, PAGE_SIZE).verify();

        assertThat(report.ok()).as(report.summary()).isTrue();
        assertThat(report.entriesChecked()).isEqualTo(SIZE);
        assertThat(report.checkpointsChecked()).isEqualTo(SIZE / CHECKPOINT_SIZE);
        assertThat(graph.largestPage).isLessThanOrEqualTo(PAGE_SIZE);
    }

    @Test
    void an_edit_deep_inside_a_large_ledger_is_found() {
        LedgerVerification report = new LedgerVerifier(new FakeGraph(187_654), PAGE_SIZE).verify();

        assertThat(report.problem()).as(report.summary()).isEqualTo(LedgerProblem.EDITED);
        assertThat(report.firstBadSeq()).isEqualTo(187_654L);
        assertThat(report.entriesChecked()).isEqualTo(187_653L);
    }

    private static LedgerEntry entry(long seq, String prevHash, String action) {
        return new LedgerEntry(seq, prevHash, null, START.plusSeconds(seq), "alice", "USER", "4012345000009", action,
                "target-" + seq, LedgerHashing.changeDigest(Map.of("seq", seq)));
    }

    /** Answers the verifier's three statements from the chain built above; one entry may read as edited. */
    private static final class FakeGraph implements LedgerVerifier.Reads {

        private final long editedSeq;
        int largestPage;

        FakeGraph(long editedSeq) {
            this.editedSeq = editedSeq;
        }

        @Override
        public List<? extends MapAccessor> run(String cypher, Map<String, Object> parameters) {
            List<Value> rows = new ArrayList<>();
            if (cypher.contains("LedgerHead")) {
                rows.add(Values.value(Map.of("seq", (long) SIZE, "hash", hashes[SIZE], "sealedTo",
                        (long) checkpoints.size() * CHECKPOINT_SIZE, "checkpoints", (long) checkpoints.size())));
            } else if (cypher.contains("LedgerEntry")) {
                long after = (Long) parameters.get("after");
                long until = Math.min(SIZE, (Long) parameters.get("until"));
                int limit = (Integer) parameters.get("limit");
                for (long seq = after + 1; seq <= until && rows.size() < limit; seq++) {
                    LedgerEntry entry = entry(seq, hashes[(int) seq - 1] == null ? LedgerHashing.GENESIS : hashes[(int) seq - 1],
                            seq == editedSeq ? "forged" : "action");
                    rows.add(Values.value(Map.of("entry", Values.value(asMap(entry, hashes[(int) seq])))));
                }
            } else {
                long after = (Long) parameters.get("after");
                int limit = (Integer) parameters.get("limit");
                for (int i = (int) after; i < checkpoints.size() && rows.size() < limit; i++) {
                    rows.add(Values.value(Map.of("checkpoint", Values.value(checkpoints.get(i)))));
                }
            }
            largestPage = Math.max(largestPage, rows.size());
            return rows;
        }

        private static Map<String, Object> asMap(LedgerEntry e, String hash) {
            Map<String, Object> map = new HashMap<>();
            map.put("seq", e.seq());
            map.put("prevHash", e.prevHash());
            map.put("hash", hash);
            map.put("at", e.at());
            map.put("actor", e.actor());
            map.put("actorKind", e.actorKind());
            map.put("organization", e.organization());
            map.put("action", e.action());
            map.put("target", e.target());
            map.put("changeDigest", e.changeDigest());
            return map;
        }
    }
}
