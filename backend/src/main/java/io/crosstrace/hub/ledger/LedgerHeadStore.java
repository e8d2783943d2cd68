package io.crosstrace.hub.ledger;

import java.time.OffsetDateTime;
import java.util.Map;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/** Locks, reads and moves the ledger head, always inside the caller's transaction. */
@Component
class LedgerHeadStore {

    static final String HEAD_ID = "main";

    /**
     * Creates the head on first use and takes its write lock: a write is what makes Neo4j lock a node, and the
     * lock is held until the transaction ends. The uniqueness constraint on {@code LedgerHead.id} makes the
     * first MERGE safe when two transactions race to create it.
     */
    private static final String LOCK = """
            MERGE (h:LedgerHead {id: $id})
              ON CREATE SET h.seq = 0, h.hash = $genesis, h.sealedTo = 0, h.checkpoints = 0, h.lastRoot = $genesis
            SET h.lockedAt = $now""";

    /** A separate statement after the lock, so it reads what the previous holder committed. */
    private static final String READ = """
            MATCH (h:LedgerHead {id: $id})
            RETURN h.seq AS seq, h.hash AS hash, h.sealedTo AS sealedTo, h.checkpoints AS checkpoints, h.lastRoot AS lastRoot""";

    /** Without the lock: an append committing meanwhile is sealed by the next run. */
    private static final String PENDING = "MATCH (h:LedgerHead {id: $id}) RETURN h.seq > h.sealedTo AS pending";

    private final Neo4jClient neo4j;

    LedgerHeadStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** Locks the head for the rest of the current transaction and returns it. */
    LedgerHead lock(OffsetDateTime now) {
        neo4j.query(LOCK).bindAll(Map.of("id", HEAD_ID, "genesis", LedgerHashing.GENESIS, "now", now)).run();
        return neo4j.query(READ).bindAll(Map.of("id", HEAD_ID)).fetchAs(LedgerHead.class)
                .mappedBy((types, r) -> new LedgerHead(r.get("seq").asLong(), r.get("hash").asString(),
                        r.get("sealedTo").asLong(), r.get("checkpoints").asLong(), r.get("lastRoot").asString()))
                .one().orElseThrow();
    }

    /** Whether entries wait for a checkpoint, read without locking the head. */
    boolean anythingPending() {
        return neo4j.query(PENDING).bindAll(Map.of("id", HEAD_ID)).fetchAs(Boolean.class)
                .mappedBy((types, r) -> r.get("pending").asBoolean(false)).one().orElse(false);
    }
}
