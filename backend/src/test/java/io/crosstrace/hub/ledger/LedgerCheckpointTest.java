package io.crosstrace.hub.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.crosstrace.hub.HubIntegrationTest;
import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.CurrentActor;
import io.crosstrace.hub.security.Role;

@HubIntegrationTest
class LedgerCheckpointTest {

    @Autowired
    LedgerService ledger;
    @Autowired
    LedgerCheckpointer checkpointer;
    @Autowired
    LedgerHeadStore heads;
    @Autowired
    LedgerReadService reads;
    @Autowired
    LedgerProperties properties;
    @Autowired
    Driver driver;
    TransactionTemplate transactions;

    @Autowired
    void transactions(PlatformTransactionManager transactionManager) {
        transactions = new TransactionTemplate(transactionManager);
    }

    @Test
    void the_append_that_fills_a_checkpoint_seals_it() {
        List<LedgerEntry> appended = transactions.execute(status -> {
            List<LedgerEntry> entries = new ArrayList<>();
            LedgerHead head;
            do {
                entries.add(ledger.append("testAction", "fill", Map.of("n", entries.size())));
                head = heads.lock(OffsetDateTime.now());
            } while (head.sealedTo() != head.seq());
            return entries;
        });

        long last = appended.getLast().seq();
        LedgerCheckpoint checkpoint = checkpointEndingAt(last);
        assertThat(checkpoint.toSeq() - checkpoint.fromSeq() + 1).isEqualTo(properties.checkpointSize());
        assertThat(checkpoint.root()).isEqualTo(MerkleTree.rootOfEntries(hashes(checkpoint.fromSeq(), checkpoint.toSeq())));
        LedgerVerification report = LedgerFixtures.verifyCommitted(driver);
        assertThat(report.ok()).as(report.summary()).isTrue();
        assertThat(report.checkpointsChecked()).isGreaterThanOrEqualTo(checkpoint.number());
    }

    @Test
    void pending_entries_are_sealed_on_demand_and_checkpoints_chain() {
        LedgerFixtures.append(transactions, ledger, Actor.ANONYMOUS, 1);
        checkpointer.sealPending();
        List<LedgerEntry> entries = LedgerFixtures.append(transactions, ledger, Actor.ANONYMOUS, 3);
        LedgerCheckpoint before = lastCheckpoint();

        assertThat(checkpointer.sealPending()).isPositive();

        LedgerCheckpoint sealed = checkpointEndingAt(entries.getLast().seq());
        assertThat(sealed.number()).isGreaterThan(before.number());
        assertThat(sealed.fromSeq()).isLessThanOrEqualTo(entries.getFirst().seq());
        assertThat(checkpointer.sealPending()).as("nothing left to seal").isZero();
        LedgerCheckpoint previous = checkpointNumbered(sealed.number() - 1);
        assertThat(sealed.prevRoot()).isEqualTo(previous.root());
        assertThat(sealed.fromSeq()).isEqualTo(previous.toSeq() + 1);
    }

    @Test
    void a_run_with_nothing_to_seal_writes_nothing() {
        LedgerFixtures.append(transactions, ledger, Actor.ANONYMOUS, 1);
        checkpointer.sealPending();
        Object lockedAt = headLockedAt();

        assertThat(checkpointer.sealPending()).isZero();

        assertThat(headLockedAt()).as("the head was not locked, so no write transaction committed").isEqualTo(lockedAt);
    }

    private Object headLockedAt() {
        return driver.executableQuery("MATCH (h:LedgerHead {id: $id}) RETURN h.lockedAt AS at")
                .withParameters(Map.of("id", LedgerHeadStore.HEAD_ID)).execute().records().getFirst().get("at").asObject();
    }

    @Test
    void a_sealed_entry_has_a_proof_that_verifies_and_fails_for_another_entry() {
        String gln = LedgerFixtures.freshGln();
        Actor alice = Actor.user("alice", gln, Role.PRODUCER);
        List<LedgerEntry> entries = LedgerFixtures.append(transactions, ledger, alice, 3);
        checkpointer.sealPending();

        LedgerProof proof = CurrentActor.callAs(alice, () -> reads.proof(entries.get(1).seq()));

        assertThat(proof).isNotNull();
        assertThat(proof.entryHash()).isEqualTo(entries.get(1).hash());
        assertThat(proof.verifies()).isTrue();
        assertThat(MerkleProof.verify(proof.entryHash(), proof.path(), proof.root())).isTrue();
        assertThat(MerkleProof.verify(entries.get(0).hash(), proof.path(), proof.root())).isFalse();
        assertThat(MerkleProof.verify(LedgerHashing.sha256Hex("changed leaf"), proof.path(), proof.root())).isFalse();
        assertThat(proof.root()).isEqualTo(checkpointNumbered(proof.checkpoint()).root());
        assertThat(proof.leafIndex()).isEqualTo((int) (proof.seq() - proof.fromSeq()));
        assertThat(proof.treeSize()).isEqualTo((int) (proof.toSeq() - proof.fromSeq() + 1));
    }

    @Test
    void an_entry_not_yet_in_a_checkpoint_has_no_proof() {
        Actor alice = Actor.user("alice", LedgerFixtures.freshGln(), Role.PRODUCER);
        // In one transaction that holds the head lock, so the scheduled sealing cannot seal it meanwhile.
        LedgerProof proof = CurrentActor.callAs(alice, () -> transactions.execute(status -> {
            checkpointer.sealPending();
            LedgerEntry entry = ledger.append("testAction", "unsealed", Map.of());
            LedgerProof unsealed = reads.proof(entry.seq());
            status.setRollbackOnly();
            return unsealed;
        }));

        assertThat(proof).isNull();
    }

    private LedgerCheckpoint checkpointEndingAt(long seq) {
        return driver.executableQuery("MATCH (c:LedgerCheckpoint) WHERE c.fromSeq <= $seq AND c.toSeq >= $seq RETURN "
                + LedgerRecords.CHECKPOINT + " AS checkpoint").withParameters(Map.of("seq", seq)).execute().records()
                .stream().map(r -> LedgerRecords.checkpoint(r.get("checkpoint"))).findFirst().orElseThrow();
    }

    private LedgerCheckpoint checkpointNumbered(long number) {
        return driver.executableQuery("MATCH (c:LedgerCheckpoint {number: $number}) RETURN " + LedgerRecords.CHECKPOINT
                + " AS checkpoint").withParameters(Map.of("number", number)).execute().records()
                .stream().map(r -> LedgerRecords.checkpoint(r.get("checkpoint"))).findFirst().orElseThrow();
    }

    private LedgerCheckpoint lastCheckpoint() {
        return driver.executableQuery("MATCH (c:LedgerCheckpoint) RETURN " + LedgerRecords.CHECKPOINT
                + " AS checkpoint ORDER BY c.number DESC LIMIT 1").execute().records()
                .stream().map(r -> LedgerRecords.checkpoint(r.get("checkpoint"))).findFirst().orElseThrow();
    }

    private List<String> hashes(long from, long to) {
        return driver.executableQuery("MATCH (e:LedgerEntry) WHERE e.seq >= $from AND e.seq <= $to RETURN e.hash AS hash "
                + "ORDER BY e.seq").withParameters(Map.of("from", from, "to", to)).execute().records()
                .stream().map(r -> r.get("hash").asString()).toList();
    }
}
