package io.crosstrace.hub.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Driver;
import org.springframework.data.neo4j.core.DatabaseSelectionProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.crosstrace.hub.graphdb.GraphReads;
import io.crosstrace.hub.graphql.Connection;
import io.crosstrace.hub.graphql.NotFoundException;
import io.crosstrace.hub.graphql.PageRequest;
import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.CurrentActor;
import io.crosstrace.hub.security.Role;

/**
 * Reading the ledger, and who may: platform administrators and analysts read every entry and run the
 * verification; any other signed-in partner reads only the entries of its own organization.
 */
@Service
public class LedgerReadService {

    private static final String ALL_ENTRIES = "MATCH (e:LedgerEntry) WHERE e.seq IS NOT NULL";
    /**
     * The hint and the order by both properties let the (organization, seq) index give the rows in order, so a
     * page does not sort all of an organization's entries; without the hint the planner may walk the seq index.
     */
    private static final String ORGANIZATION_ENTRIES = """
            MATCH (e:LedgerEntry) USING INDEX e:LedgerEntry(organization, seq)
            WHERE e.organization = $organization AND e.seq IS NOT NULL""";
    private static final String ENTRY = "MATCH (e:LedgerEntry {seq: $seq}) RETURN " + LedgerRecords.ENTRY + " AS entry";
    /** The first checkpoint ending at or after the entry is the one that covers it, if any does. */
    private static final String COVERING_CHECKPOINT = "MATCH (c:LedgerCheckpoint) USING INDEX c:LedgerCheckpoint(toSeq) "
            + "WHERE c.toSeq >= $seq RETURN " + LedgerRecords.CHECKPOINT + " AS checkpoint ORDER BY c.toSeq LIMIT 1";
    private static final String RUN_HASHES = """
            MATCH (e:LedgerEntry) WHERE e.seq >= $from AND e.seq <= $to
            RETURN e.seq AS seq, e.hash AS hash ORDER BY e.seq""";

    private final GraphReads graph;
    private final Driver driver;
    private final DatabaseSelectionProvider databases;

    LedgerReadService(GraphReads graph, Driver driver, DatabaseSelectionProvider databases) {
        this.graph = graph;
        this.driver = driver;
        this.databases = databases;
    }

    /** The entries the caller may read, newest first. */
    @Transactional(readOnly = true)
    public Connection<LedgerEntry> entries(PageRequest page, boolean withTotal) {
        Actor actor = CurrentActor.require();
        if (actor.readsEverything()) {
            return graph.page(ALL_ENTRIES, LedgerRecords.ENTRY, "e.seq DESC", Map.of(), page, withTotal, LedgerRecords::entry);
        }
        return graph.page(ORGANIZATION_ENTRIES, LedgerRecords.ENTRY, "e.organization DESC, e.seq DESC",
                Map.of("organization", actor.organizationGln()), page, withTotal, LedgerRecords::entry);
    }

    /** Verifies the whole ledger (platform administrators and analysts only); reads every entry, so it takes a while. */
    public LedgerVerification verification() {
        CurrentActor.require(Role.PLATFORM_ADMIN, Role.ANALYST);
        return new LedgerVerifier(driver, databases.getDatabaseSelection().getValue()).verify();
    }

    /**
     * The inclusion proof of an entry the caller may read; null while the entry is not in a checkpoint yet.
     *
     * @throws NotFoundException no entry with this number
     */
    @Transactional(readOnly = true)
    public LedgerProof proof(long seq) {
        Actor actor = CurrentActor.require();
        LedgerEntry entry = graph.one(ENTRY, Map.of("seq", seq), r -> LedgerRecords.entry(r.get("entry")))
                .orElseThrow(() -> new NotFoundException("No ledger entry " + seq));
        CurrentActor.check(actor.readsEverything() || actor.actsFor(entry.organization()),
                "Only the entries of your own organization");
        Optional<LedgerCheckpoint> covering = graph.one(COVERING_CHECKPOINT, Map.of("seq", seq),
                r -> LedgerRecords.checkpoint(r.get("checkpoint")));
        if (covering.isEmpty() || covering.get().fromSeq() > seq) {
            return null;
        }
        LedgerCheckpoint checkpoint = covering.get();
        Map<String, Object> range = new HashMap<>();
        range.put("from", checkpoint.fromSeq());
        range.put("to", checkpoint.toSeq());
        List<String> hashes = graph.list(RUN_HASHES, range, r -> r.get("hash").asString());
        if (hashes.size() != checkpoint.toSeq() - checkpoint.fromSeq() + 1) {
            throw new IllegalStateException("Ledger entries of checkpoint " + checkpoint.number()
                    + " are missing; the ledger verification tells which");
        }
        List<byte[]> leaves = new ArrayList<>(hashes.size());
        hashes.forEach(hash -> leaves.add(MerkleTree.leafHash(LedgerHashing.fromHex(hash))));
        int index = (int) (seq - checkpoint.fromSeq());
        MerkleProof merkle = new MerkleProof(entry.hash(), index, leaves.size(), MerkleTree.path(leaves, index),
                checkpoint.root());
        return new LedgerProof(seq, checkpoint.number(), checkpoint.fromSeq(), checkpoint.toSeq(), checkpoint.at(), merkle);
    }
}
