package io.crosstrace.hub.ledger;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.neo4j.driver.Driver;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.RoutingControl;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.value.ValueException;
import org.neo4j.driver.types.MapAccessor;

/**
 * Checks the whole ledger from the graph alone: recomputes every entry hash, follows every {@code prevHash}
 * link and sequence number, recomputes every checkpoint root and compares the head with the last entry.
 *
 * <p>It reads entries and checkpoints in pages in sequence order and keeps only the previous hash and one
 * hash per tree level, so its memory does not grow with the ledger. It needs nothing but a {@link Driver}
 * (no Spring), so the hub and the command-line {@link LedgerCheck} use the same code.
 *
 * <p>It verifies the ledger as the head stood when it started: entries and checkpoints added while it runs
 * are left for the next run, so a busy hub does not make it report a false mismatch.
 */
public final class LedgerVerifier {

    public static final int DEFAULT_PAGE_SIZE = 1_000;

    private static final String HEAD = """
            MATCH (h:LedgerHead {id: $id})
            RETURN h.seq AS seq, h.hash AS hash, h.sealedTo AS sealedTo, h.checkpoints AS checkpoints""";
    private static final String ANY_ENTRY = "MATCH (e:LedgerEntry) RETURN e.seq AS seq LIMIT 1";
    private static final String ENTRIES = "MATCH (e:LedgerEntry) WHERE e.seq > $after AND e.seq <= $until RETURN "
            + LedgerRecords.ENTRY + " AS entry ORDER BY e.seq LIMIT $limit";
    private static final String CHECKPOINTS = "MATCH (c:LedgerCheckpoint) WHERE c.number > $after AND c.number <= $until RETURN "
            + LedgerRecords.CHECKPOINT + " AS checkpoint ORDER BY c.number LIMIT $limit";

    /** Runs one read statement and returns all its rows. */
    @FunctionalInterface
    interface Reads {
        List<? extends MapAccessor> run(String cypher, Map<String, Object> parameters);
    }

    private final Reads reads;
    private final int pageSize;

    /**
     * Verifies through the driver, each page in its own read transaction.
     *
     * @param database the database name; null for the server's default
     */
    public LedgerVerifier(Driver driver, String database) {
        this(pagesOf(driver, database), DEFAULT_PAGE_SIZE);
    }

    LedgerVerifier(Reads reads, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("Page size must be at least 1");
        }
        this.reads = Objects.requireNonNull(reads);
        this.pageSize = pageSize;
    }

    /** Verifies what an open transaction sees, its own uncommitted changes included. */
    public static LedgerVerifier within(SimpleQueryRunner transaction) {
        return new LedgerVerifier((cypher, parameters) -> transaction.run(cypher, parameters).list(), DEFAULT_PAGE_SIZE);
    }

    private static Reads pagesOf(Driver driver, String database) {
        QueryConfig.Builder config = QueryConfig.builder().withRouting(RoutingControl.READ);
        if (database != null && !database.isBlank()) {
            config.withDatabase(database);
        }
        QueryConfig queryConfig = config.build();
        return (cypher, parameters) -> driver.executableQuery(cypher).withParameters(parameters)
                .withConfig(queryConfig).execute().records();
    }

    public LedgerVerification verify() {
        List<? extends MapAccessor> heads = reads.run(HEAD, Map.of("id", LedgerHeadStore.HEAD_ID));
        if (heads.isEmpty()) {
            return reads.run(ANY_ENTRY, Map.of()).isEmpty()
                    ? LedgerVerification.intact(0, 0)
                    : LedgerVerification.failed(0, 0, 1, LedgerProblem.HEAD_MISMATCH, "entries exist but the ledger head is gone");
        }
        MapAccessor head = heads.getFirst();
        Walk walk;
        try {
            walk = new Walk(head.get("seq").asLong(0), head.get("hash").asString(LedgerHashing.GENESIS),
                    head.get("sealedTo").asLong(0), head.get("checkpoints").asLong(0));
        } catch (ValueException wrongType) {
            return LedgerVerification.failed(0, 0, 1, LedgerProblem.HEAD_MISMATCH, "the ledger head has a property of the wrong type");
        }
        return walk.run();
    }

    /** One pass over entries and checkpoints up to the head as it stood at the start. */
    private final class Walk {

        private final long headSeq;
        private final String headHash;
        private final long headSealedTo;
        private final long headCheckpoints;

        private long entries;
        private long lastSeq;
        private String lastHash = LedgerHashing.GENESIS;

        private final Deque<LedgerCheckpoint> loaded = new ArrayDeque<>();
        private long lastLoadedNumber;
        private LedgerCheckpoint open;
        private MerkleTree.RootBuilder tree;
        private long checkpoints;
        private long sealedTo;
        private String lastRoot = LedgerHashing.GENESIS;

        Walk(long headSeq, String headHash, long headSealedTo, long headCheckpoints) {
            this.headSeq = headSeq;
            this.headHash = headHash;
            this.headSealedTo = headSealedTo;
            this.headCheckpoints = headCheckpoints;
        }

        LedgerVerification run() {
            while (true) {
                List<? extends MapAccessor> page = reads.run(ENTRIES, Map.of("after", lastSeq, "until", headSeq, "limit", pageSize));
                for (MapAccessor record : page) {
                    LedgerVerification failure = accept(record.get("entry"));
                    if (failure != null) {
                        return failure;
                    }
                }
                if (page.size() < pageSize) {
                    return finish();
                }
            }
        }

        private LedgerVerification accept(Value value) {
            long seq = value.get("seq").asLong();
            LedgerEntry entry;
            try {
                entry = LedgerRecords.entry(value);
            } catch (ValueException wrongType) {
                if (seq != lastSeq + 1) {
                    return fail(lastSeq + 1, LedgerProblem.REMOVED, "entry " + (lastSeq + 1) + " is missing");
                }
                return fail(seq, LedgerProblem.EDITED, "entry " + seq + " has a property of the wrong type");
            }
            ChainLink.Finding finding = ChainLink.check(entry, lastSeq + 1, lastHash);
            if (finding != null) {
                return fail(finding.seq(), finding.problem(), finding.detail());
            }
            LedgerVerification checkpointFailure = addToCheckpoint(entry);
            if (checkpointFailure != null) {
                return checkpointFailure;
            }
            entries++;
            lastSeq = seq;
            lastHash = entry.hash();
            return null;
        }

        /** Feeds the entry to the checkpoint that should cover it, and checks that checkpoint once it is complete. */
        private LedgerVerification addToCheckpoint(LedgerEntry entry) {
            if (open == null) {
                try {
                    open = nextCheckpoint();
                } catch (ValueException wrongType) {
                    return fail(entry.seq(), LedgerProblem.CHECKPOINT_MISMATCH,
                            "checkpoint " + (checkpoints + 1) + " or one after it has a property of the wrong type");
                }
                if (open == null) {
                    return null;
                }
                String wrong = open.number() != checkpoints + 1 ? "checkpoint " + (checkpoints + 1) + " is missing"
                        : open.fromSeq() != entry.seq() ? "checkpoint " + open.number() + " starts at entry " + open.fromSeq()
                                + " but should start at " + entry.seq()
                        : open.toSeq() < open.fromSeq() ? "checkpoint " + open.number() + " has an empty range"
                        : !lastRoot.equals(open.prevRoot()) ? "checkpoint " + open.number()
                                + " does not carry the root of the checkpoint before it"
                        : null;
                if (wrong != null) {
                    return fail(entry.seq(), LedgerProblem.CHECKPOINT_MISMATCH, wrong);
                }
                tree = new MerkleTree.RootBuilder();
            }
            tree.addEntryHash(entry.hash());
            if (entry.seq() == open.toSeq()) {
                if (!tree.rootHex().equals(open.root())) {
                    return fail(open.fromSeq(), LedgerProblem.CHECKPOINT_MISMATCH, "the root of checkpoint " + open.number()
                            + " (entries " + open.fromSeq() + ".." + open.toSeq() + ") does not match the entries");
                }
                checkpoints++;
                sealedTo = open.toSeq();
                lastRoot = open.root();
                open = null;
                tree = null;
            }
            return null;
        }

        /** The next checkpoint the head knew of when the walk started; null past the last one. */
        private LedgerCheckpoint nextCheckpoint() {
            if (loaded.isEmpty() && lastLoadedNumber < headCheckpoints) {
                for (MapAccessor record : reads.run(CHECKPOINTS,
                        Map.of("after", lastLoadedNumber, "until", headCheckpoints, "limit", pageSize))) {
                    LedgerCheckpoint checkpoint = LedgerRecords.checkpoint(record.get("checkpoint"));
                    loaded.add(checkpoint);
                    lastLoadedNumber = checkpoint.number();
                }
                if (loaded.isEmpty()) {
                    lastLoadedNumber = headCheckpoints;
                }
            }
            return loaded.poll();
        }

        private LedgerVerification finish() {
            if (lastSeq < headSeq) {
                return fail(lastSeq + 1, LedgerProblem.HEAD_MISMATCH,
                        "the head points at entry " + headSeq + " but the ledger ends at " + lastSeq);
            }
            if (!headHash.equals(lastHash)) {
                return fail(lastSeq, LedgerProblem.HEAD_MISMATCH, "the head does not carry the hash of entry " + lastSeq);
            }
            if (open != null) {
                return fail(lastSeq + 1, LedgerProblem.CHECKPOINT_MISMATCH, "checkpoint " + open.number()
                        + " covers entries up to " + open.toSeq() + " but the ledger ends at " + lastSeq);
            }
            if (checkpoints != headCheckpoints || sealedTo != headSealedTo) {
                return fail(sealedTo + 1, LedgerProblem.CHECKPOINT_MISMATCH, "the head counts " + headCheckpoints
                        + " checkpoints up to entry " + headSealedTo + " but " + checkpoints + " up to entry " + sealedTo
                        + " match the entries");
            }
            return LedgerVerification.intact(entries, checkpoints);
        }

        private LedgerVerification fail(long seq, LedgerProblem problem, String detail) {
            return LedgerVerification.failed(entries, checkpoints, seq, problem, detail);
        }
    }
}
