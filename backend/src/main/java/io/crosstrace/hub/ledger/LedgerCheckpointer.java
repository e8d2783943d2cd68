package io.crosstrace.hub.ledger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.value.ValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.crosstrace.hub.graphdb.RetryingTransactionTemplate;

/**
 * Seals runs of entries into Merkle checkpoints. It holds the head lock while it seals (taken by the append
 * it runs in, or by itself), so no entry can join a run while its root is computed.
 */
@Component
class LedgerCheckpointer {

    private static final Logger log = LoggerFactory.getLogger(LedgerCheckpointer.class);

    /** The run to seal and the entry before it, whose hash the run must start from. */
    private static final String RUN = "MATCH (e:LedgerEntry) WHERE e.seq >= $from AND e.seq <= $to RETURN "
            + LedgerRecords.ENTRY + " AS entry ORDER BY e.seq";

    private static final String SEAL = """
            MATCH (h:LedgerHead {id: $id})
            CREATE (:LedgerCheckpoint {number: $number, fromSeq: $fromSeq, toSeq: $toSeq, root: $root,
                                       prevRoot: $prevRoot, at: $at})
            SET h.sealedTo = $toSeq, h.checkpoints = $number, h.lastRoot = $root""";

    private final Neo4jClient neo4j;
    private final LedgerHeadStore heads;
    private final TransactionTemplate transactions;
    private final TransactionTemplate reads;
    private final int checkpointSize;
    private final Clock clock;

    LedgerCheckpointer(Neo4jClient neo4j, LedgerHeadStore heads, PlatformTransactionManager transactionManager,
            LedgerProperties properties) {
        this.neo4j = neo4j;
        this.heads = heads;
        this.transactions = new RetryingTransactionTemplate(transactionManager);
        this.reads = new RetryingTransactionTemplate(transactionManager);
        this.reads.setReadOnly(true);
        this.checkpointSize = properties.checkpointSize();
        this.clock = Clock.systemUTC();
    }

    /** Seals every full run of entries; called by an append that holds the head lock. */
    LedgerHead sealFullRuns(LedgerHead head) {
        while (head.pending() >= checkpointSize) {
            LedgerHead sealed = seal(head, checkpointSize);
            if (sealed == null) {
                break;
            }
            head = sealed;
        }
        return head;
    }

    /**
     * Seals all entries not yet in a checkpoint, in runs of at most the checkpoint size, in the current
     * transaction or a new one. With nothing to seal it writes nothing: every committed write ends the scan pages' batch
     * cache generation, and the scheduled run used to lock the head (a write) every minute for nothing.
     *
     * @return how many checkpoints it made
     */
    int sealPending() {
        if (!Boolean.TRUE.equals(reads.execute(status -> heads.anythingPending()))) {
            return 0;
        }
        Integer made = transactions.execute(status -> {
            LedgerHead head = heads.lock(now());
            int count = 0;
            while (head.pending() > 0) {
                LedgerHead sealed = seal(head, Math.min(checkpointSize, head.pending()));
                if (sealed == null) {
                    break;
                }
                head = sealed;
                count++;
            }
            return count;
        });
        return made == null ? 0 : made;
    }

    /** The scheduled run: a failure is logged and the next run tries again. */
    void sealPendingQuietly() {
        try {
            int made = sealPending();
            if (made > 0) {
                log.debug("Sealed {} ledger checkpoint(s)", made);
            }
        } catch (RuntimeException e) {
            log.warn("Sealing the ledger's pending entries failed; the next run tries again: {}", e.toString());
        }
    }

    /**
     * Seals the next {@code count} entries after the head's last checkpoint, unless they do not chain: a root
     * over tampered entries would vouch for them, so then it logs, seals nothing and returns null.
     */
    private LedgerHead seal(LedgerHead head, long count) {
        long from = head.sealedTo() + 1;
        long to = head.sealedTo() + count;
        List<Value> rows = List.copyOf(neo4j.query(RUN).bindAll(Map.of("from", Math.max(1, from - 1), "to", to))
                .fetchAs(Value.class).mappedBy((types, r) -> r.get("entry")).all());
        List<LedgerEntry> run = new ArrayList<>(rows.size());
        try {
            rows.forEach(row -> run.add(LedgerRecords.entry(row)));
        } catch (ValueException wrongType) {
            log.error("Ledger checkpoint {} not sealed: an entry in {}..{} has a property of the wrong type; run the "
                    + "ledger verification", head.checkpoints() + 1, from, to);
            return null;
        }
        String previousHash = LedgerHashing.GENESIS;
        int first = 0;
        if (from > 1) {
            if (run.isEmpty() || run.getFirst().seq() != from - 1) {
                log.error("Ledger checkpoint {} not sealed: entry {} is missing; run the ledger verification",
                        head.checkpoints() + 1, from - 1);
                return null;
            }
            previousHash = run.getFirst().hash();
            first = 1;
        }
        List<String> hashes = new ArrayList<>((int) count);
        long expected = from;
        for (LedgerEntry entry : run.subList(first, run.size())) {
            ChainLink.Finding finding = ChainLink.check(entry, expected, previousHash);
            if (finding != null) {
                log.error("Ledger checkpoint {} not sealed: {} at entry {} ({}); run the ledger verification",
                        head.checkpoints() + 1, finding.problem(), finding.seq(), finding.detail());
                return null;
            }
            hashes.add(entry.hash());
            previousHash = entry.hash();
            expected++;
        }
        if (expected != to + 1) {
            log.error("Ledger checkpoint {} not sealed: entry {} is missing; run the ledger verification",
                    head.checkpoints() + 1, expected);
            return null;
        }
        String root = MerkleTree.rootOfEntries(hashes);
        long number = head.checkpoints() + 1;
        Map<String, Object> params = new HashMap<>();
        params.put("id", LedgerHeadStore.HEAD_ID);
        params.put("number", number);
        params.put("fromSeq", from);
        params.put("toSeq", to);
        params.put("root", root);
        params.put("prevRoot", head.lastRoot());
        params.put("at", now());
        neo4j.query(SEAL).bindAll(params).run();
        return new LedgerHead(head.seq(), head.hash(), to, number, root);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
