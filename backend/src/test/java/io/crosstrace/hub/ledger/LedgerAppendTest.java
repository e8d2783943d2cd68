package io.crosstrace.hub.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.crosstrace.hub.HubIntegrationTest;
import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.CurrentActor;
import io.crosstrace.hub.security.Role;

@HubIntegrationTest
class LedgerAppendTest {

    @Autowired
    LedgerService ledger;
    @Autowired
    Driver driver;
    TransactionTemplate transactions;

    @Autowired
    void transactions(PlatformTransactionManager transactionManager) {
        transactions = new TransactionTemplate(transactionManager);
    }

    @Test
    void appended_entries_chain_to_each_other_and_verify() {
        String gln = LedgerFixtures.freshGln();
        List<LedgerEntry> entries = LedgerFixtures.append(transactions, ledger, Actor.user("alice", gln, Role.PRODUCER), 5);

        for (int i = 1; i < entries.size(); i++) {
            assertThat(entries.get(i).seq()).isEqualTo(entries.get(i - 1).seq() + 1);
            assertThat(entries.get(i).prevHash()).isEqualTo(entries.get(i - 1).hash());
        }
        LedgerEntry first = entries.getFirst();
        assertThat(first.actor()).isEqualTo("alice");
        assertThat(first.actorKind()).isEqualTo("USER");
        assertThat(first.organization()).isEqualTo(gln);
        assertThat(first.action()).isEqualTo("testAction");
        assertThat(first.target()).isEqualTo("target-0");
        assertThat(first.changeDigest()).isEqualTo(LedgerHashing.changeDigest(Map.of("note", "fixture", "n", 0)));
        assertThat(first.hash()).isEqualTo(LedgerHashing.entryHash(first));

        LedgerVerification report = LedgerFixtures.verifyCommitted(driver);
        assertThat(report.ok()).as(report.summary()).isTrue();
        assertThat(report.entriesChecked()).isGreaterThanOrEqualTo(entries.getLast().seq());
        assertThat(LedgerFixtures.headSeq(driver)).isGreaterThanOrEqualTo(entries.getLast().seq());
    }

    @Test
    void the_stored_entry_is_the_one_returned() {
        LedgerEntry entry = LedgerFixtures.append(transactions, ledger, Actor.client("erp-7", LedgerFixtures.freshGln(),
                Role.IMPORTER), 1).getFirst();

        LedgerEntry stored = LedgerRecords.entry(driver.executableQuery("MATCH (e:LedgerEntry {seq: $seq}) RETURN "
                + LedgerRecords.ENTRY + " AS entry").withParameters(Map.of("seq", entry.seq())).execute()
                .records().getFirst().get("entry"));
        assertThat(stored).isEqualTo(entry);
        assertThat(stored.actorKind()).isEqualTo("CLIENT");
    }

    @Test
    void anonymous_callers_are_recorded_as_such() {
        LedgerEntry entry = LedgerFixtures.append(transactions, ledger, Actor.ANONYMOUS, 1).getFirst();

        assertThat(entry.actor()).isEqualTo("anonymous");
        assertThat(entry.actorKind()).isEqualTo("ANONYMOUS");
        assertThat(entry.organization()).isNull();
        assertThat(LedgerFixtures.verifyCommitted(driver).ok()).isTrue();
    }

    @Test
    void appending_outside_a_transaction_fails_and_writes_nothing() {
        long before = LedgerFixtures.headSeq(driver);

        assertThatThrownBy(() -> CurrentActor.runAs(Actor.user("alice", LedgerFixtures.freshGln(), Role.PRODUCER),
                () -> ledger.append("testAction", "x", Map.of()))).isInstanceOf(IllegalTransactionStateException.class);
        assertThat(LedgerFixtures.headSeq(driver)).isEqualTo(before);
    }

    @Test
    void a_rolled_back_transaction_leaves_no_entry() {
        long before = LedgerFixtures.headSeq(driver);

        LedgerEntry rolledBack = CurrentActor.callAs(Actor.user("alice", LedgerFixtures.freshGln(), Role.PRODUCER),
                () -> transactions.execute(status -> {
                    LedgerEntry entry = ledger.append("testAction", "x", Map.of("will", "roll back"));
                    status.setRollbackOnly();
                    return entry;
                }));

        assertThat(LedgerFixtures.headSeq(driver)).isEqualTo(before);
        assertThat(LedgerFixtures.entriesWithSeq(driver, rolledBack.seq())).isZero();
        LedgerEntry next = LedgerFixtures.append(transactions, ledger, Actor.ANONYMOUS, 1).getFirst();
        assertThat(next.seq()).isEqualTo(rolledBack.seq());
        assertThat(LedgerFixtures.verifyCommitted(driver).ok()).isTrue();
    }

    @Test
    void a_change_without_a_stable_encoding_is_rejected_before_anything_is_written() {
        long before = LedgerFixtures.headSeq(driver);

        assertThatThrownBy(() -> transactions.executeWithoutResult(
                status -> ledger.append("testAction", "x", Map.of("thing", new Object()))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> ledger.append(" ", "x", Map.of())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(LedgerFixtures.headSeq(driver)).isEqualTo(before);
    }

    @Test
    void concurrent_appends_make_one_gap_free_chain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<List<LedgerEntry>>> results = new ArrayList<>();
        try {
            for (int thread = 0; thread < 4; thread++) {
                Actor actor = Actor.user("writer-" + thread, LedgerFixtures.freshGln(), Role.PRODUCER);
                results.add(pool.submit(() -> LedgerFixtures.append(transactions, ledger, actor, 25)));
            }
            List<Long> seqs = new ArrayList<>();
            for (Future<List<LedgerEntry>> result : results) {
                result.get(120, TimeUnit.SECONDS).forEach(entry -> seqs.add(entry.seq()));
            }

            assertThat(seqs).hasSize(100).doesNotHaveDuplicates();
            long lowest = seqs.stream().mapToLong(Long::longValue).min().orElseThrow();
            long highest = seqs.stream().mapToLong(Long::longValue).max().orElseThrow();
            assertThat(highest - lowest).as("no other test appends meanwhile, so the 100 are consecutive").isEqualTo(99);
            LedgerVerification report = LedgerFixtures.verifyCommitted(driver);
            assertThat(report.ok()).as(report.summary()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }
}
