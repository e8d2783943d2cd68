package io.crosstrace.hub.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.crosstrace.hub.HubIntegrationTest;
import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.Role;

/**
 * Tampers with the graph directly, as someone with write access to the database could, and checks that the
 * verification names the problem and where it starts. Each tampering is verified inside its own transaction
 * and rolled back, so the shared database keeps an intact ledger.
 */
@HubIntegrationTest
class LedgerTamperingTest {

    @Autowired
    LedgerService ledger;
    @Autowired
    LedgerCheckpointer checkpointer;
    @Autowired
    Driver driver;
    @Autowired
    Neo4jClient neo4j;
    TransactionTemplate transactions;
    List<LedgerEntry> entries;

    @Autowired
    void transactions(PlatformTransactionManager transactionManager) {
        transactions = new TransactionTemplate(transactionManager);
    }

    @BeforeEach
    void appendSome() {
        entries = LedgerFixtures.append(transactions, ledger, Actor.user("alice", LedgerFixtures.freshGln(), Role.PRODUCER), 6);
    }

    @AfterEach
    void ledgerIsIntactAgain() {
        LedgerVerification report = LedgerFixtures.verifyCommitted(driver);
        assertThat(report.ok()).as(report.summary()).isTrue();
    }

    @Test
    void an_intact_ledger_verifies_through_the_driver_and_within_a_transaction_in_any_page_size() {
        LedgerVerification viaDriver = LedgerFixtures.verifyCommitted(driver);
        assertThat(viaDriver.ok()).as(viaDriver.summary()).isTrue();
        assertThat(viaDriver.problem()).isNull();
        assertThat(viaDriver.firstBadSeq()).isNull();

        try (Session session = driver.session(); Transaction tx = session.beginTransaction()) {
            LedgerVerification inPagesOfTwo = new LedgerVerifier((cypher, parameters) -> tx.run(cypher, parameters).list(), 2)
                    .verify();
            assertThat(inPagesOfTwo).isEqualTo(viaDriver);
            tx.rollback();
        }
    }

    @Test
    void an_edited_entry_is_EDITED_at_its_seq() {
        long seq = entries.get(2).seq();

        LedgerVerification report = LedgerFixtures.verifyTampered(driver,
                "MATCH (e:LedgerEntry {seq: $seq}) SET e.action = 'forgedAction'", Map.of("seq", seq));

        assertFailure(report, LedgerProblem.EDITED, seq);
        assertThat(report.entriesChecked()).isEqualTo(seq - 1);
    }

    @Test
    void an_edit_with_a_recomputed_hash_shows_at_the_next_entry() {
        LedgerEntry victim = entries.get(2);
        LedgerEntry forged = new LedgerEntry(victim.seq(), victim.prevHash(), null, victim.at(), victim.actor(),
                victim.actorKind(), victim.organization(), "forgedAction", victim.target(), victim.changeDigest());
        String forgedHash = LedgerHashing.entryHash(forged);

        LedgerVerification report = LedgerFixtures.verifyTampered(driver,
                "MATCH (e:LedgerEntry {seq: $seq}) SET e.action = 'forgedAction', e.hash = $hash",
                Map.of("seq", victim.seq(), "hash", forgedHash));

        assertFailure(report, LedgerProblem.REORDERED, victim.seq() + 1);
    }

    @Test
    void a_removed_entry_is_REMOVED_at_its_seq() {
        long seq = entries.get(3).seq();

        LedgerVerification report = LedgerFixtures.verifyTampered(driver,
                "MATCH (e:LedgerEntry {seq: $seq}) DETACH DELETE e", Map.of("seq", seq));

        assertFailure(report, LedgerProblem.REMOVED, seq);
    }

    @Test
    void swapped_entries_are_REORDERED_at_the_first_of_them() {
        long first = entries.get(1).seq();
        long second = entries.get(4).seq();

        LedgerVerification report = LedgerFixtures.verifyTampered(driver, """
                MATCH (a:LedgerEntry {seq: $first}), (b:LedgerEntry {seq: $second})
                SET a.seq = -1
                WITH a, b SET b.seq = $first
                WITH a SET a.seq = $second""", Map.of("first", first, "second", second));

        assertFailure(report, LedgerProblem.REORDERED, first);
    }

    @Test
    void a_removed_tail_is_HEAD_MISMATCH() {
        long tail = entries.getLast().seq();

        LedgerVerification report = LedgerFixtures.verifyTampered(driver, """
                MATCH (e:LedgerEntry) WITH e ORDER BY e.seq DESC LIMIT 1
                DETACH DELETE e""", Map.of());

        assertFailure(report, LedgerProblem.HEAD_MISMATCH, tail);
    }

    @Test
    void a_changed_checkpoint_root_is_CHECKPOINT_MISMATCH_at_its_first_entry() {
        checkpointer.sealPending();
        var last = driver.executableQuery("MATCH (c:LedgerCheckpoint) RETURN c.number AS number, c.fromSeq AS fromSeq "
                + "ORDER BY c.number DESC LIMIT 1").execute().records().getFirst();

        LedgerVerification report = LedgerFixtures.verifyTampered(driver,
                "MATCH (c:LedgerCheckpoint {number: $number}) SET c.root = $root",
                Map.of("number", last.get("number").asLong(), "root", LedgerHashing.sha256Hex("forged root")));

        assertFailure(report, LedgerProblem.CHECKPOINT_MISMATCH, last.get("fromSeq").asLong());
    }

    @Test
    void a_removed_checkpoint_is_CHECKPOINT_MISMATCH() {
        checkpointer.sealPending();
        var last = driver.executableQuery("MATCH (c:LedgerCheckpoint) RETURN c.number AS number, c.fromSeq AS fromSeq "
                + "ORDER BY c.number DESC LIMIT 1").execute().records().getFirst();

        LedgerVerification report = LedgerFixtures.verifyTampered(driver,
                "MATCH (c:LedgerCheckpoint {number: $number}) DELETE c", Map.of("number", last.get("number").asLong()));

        assertFailure(report, LedgerProblem.CHECKPOINT_MISMATCH, last.get("fromSeq").asLong());
    }

    @Test
    void a_checkpoint_is_never_sealed_over_tampered_entries() {
        assertThat(sealAfterAppending(false)).as("untouched entries are sealed").isEqualTo(1);
        assertThat(sealAfterAppending(true)).as("tampered entries are not").isZero();
    }

    /** Appends and seals in one transaction that is rolled back; the head lock keeps the scheduled sealing out. */
    private int sealAfterAppending(boolean tamper) {
        Integer made = transactions.execute(status -> {
            checkpointer.sealPending();
            List<LedgerEntry> unsealed = List.of(ledger.append("testAction", "a", Map.of()),
                    ledger.append("testAction", "b", Map.of()), ledger.append("testAction", "c", Map.of()));
            if (tamper) {
                neo4j.query("MATCH (e:LedgerEntry {seq: $seq}) SET e.target = 'forged'").bind(unsealed.get(1).seq())
                        .to("seq").run();
            }
            int count = checkpointer.sealPending();
            status.setRollbackOnly();
            return count;
        });
        return made == null ? -1 : made;
    }

    private static void assertFailure(LedgerVerification report, LedgerProblem problem, long seq) {
        assertThat(report.ok()).as(report.summary()).isFalse();
        assertThat(report.problem()).as(report.summary()).isEqualTo(problem);
        assertThat(report.firstBadSeq()).as(report.summary()).isEqualTo(seq);
        assertThat(report.detail()).isNotBlank();
    }
}
