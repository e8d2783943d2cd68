package io.crosstrace.hub.ledger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.CurrentActor;

/**
 * Appends to the tamper-evident ledger: every mutation records who did what to what, with a digest of the
 * change, in the same transaction as the change itself.
 */
@Service
public class LedgerService {

    public static final int MAX_ACTION_LENGTH = 100;
    public static final int MAX_TARGET_LENGTH = 500;

    private static final String APPEND = """
            MATCH (h:LedgerHead {id: $id})
            CREATE (:LedgerEntry {seq: $seq, prevHash: $prevHash, hash: $hash, at: $at, actor: $actor,
                                  actorKind: $actorKind, organization: $organization, action: $action,
                                  target: $target, changeDigest: $changeDigest})
            SET h.seq = $seq, h.hash = $hash""";

    private final Neo4jClient neo4j;
    private final LedgerHeadStore heads;
    private final LedgerCheckpointer checkpointer;
    private final Clock clock;

    LedgerService(Neo4jClient neo4j, LedgerHeadStore heads, LedgerCheckpointer checkpointer) {
        this.neo4j = neo4j;
        this.heads = heads;
        this.checkpointer = checkpointer;
        this.clock = Clock.systemUTC();
    }

    /**
     * Records a change made by the current caller ({@link CurrentActor#get()}; anonymous callers are recorded
     * as such). It must run inside the caller's transaction, so the entry commits or rolls back with the
     * change: call it from within the {@code TransactionTemplate} or {@code @Transactional} method that makes
     * the change.
     *
     * <p>It locks the ledger head until that transaction ends, which serializes all writers that append: call
     * it as the last step of the transaction, after the checks that may still reject the change.
     *
     * @param action what was done, e.g. {@code "issueCodes"}; 1 to {@value #MAX_ACTION_LENGTH} characters
     * @param target what it was done to, e.g. a business key; null when there is no single target; at most
     *               {@value #MAX_TARGET_LENGTH} characters
     * @param change what changed (only its digest is stored): strings, numbers, booleans, date-times, enums,
     *               lists, maps and records; null for none
     * @throws org.springframework.transaction.IllegalTransactionStateException called outside a transaction
     * @throws IllegalArgumentException blank or too long action, too long target, or a change value of a type
     *                                  with no stable encoding
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public LedgerEntry append(String action, String target, Map<String, ?> change) {
        if (action == null || action.isBlank() || action.length() > MAX_ACTION_LENGTH) {
            throw new IllegalArgumentException("A ledger action has 1 to " + MAX_ACTION_LENGTH + " characters, not only blanks");
        }
        if (target != null && target.length() > MAX_TARGET_LENGTH) {
            throw new IllegalArgumentException("A ledger target has at most " + MAX_TARGET_LENGTH + " characters");
        }
        // Before the lock: a change that cannot be encoded fails without holding up other writers.
        String changeDigest = LedgerHashing.changeDigest(change);
        Actor actor = CurrentActor.get();
        OffsetDateTime at = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS).withOffsetSameInstant(ZoneOffset.UTC);

        LedgerHead head = heads.lock(at);
        long seq = head.seq() + 1;
        String actorKind = actor.kind().name();
        String hash = LedgerHashing.entryHash(seq, head.hash(), at.toInstant(), actor.subject(), actorKind,
                actor.organizationGln(), action, target, changeDigest);
        LedgerEntry entry = new LedgerEntry(seq, head.hash(), hash, at, actor.subject(), actorKind,
                actor.organizationGln(), action, target, changeDigest);

        Map<String, Object> params = new HashMap<>();
        params.put("id", LedgerHeadStore.HEAD_ID);
        params.put("seq", seq);
        params.put("prevHash", entry.prevHash());
        params.put("hash", hash);
        params.put("at", at);
        params.put("actor", entry.actor());
        params.put("actorKind", actorKind);
        params.put("organization", entry.organization());
        params.put("action", action);
        params.put("target", target);
        params.put("changeDigest", changeDigest);
        neo4j.query(APPEND).bindAll(params).run();

        checkpointer.sealFullRuns(new LedgerHead(seq, hash, head.sealedTo(), head.checkpoints(), head.lastRoot()));
        return entry;
    }
}
