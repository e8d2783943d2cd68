package io.crosstrace.hub.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.springframework.transaction.support.TransactionTemplate;

import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.CurrentActor;

/**
 * Appending and tampering for the ledger tests. The hub and its database are shared with every other test
 * class, so tampering happens in a transaction that is verified from within and then rolled back.
 */
final class LedgerFixtures {

    private LedgerFixtures() {
    }

    /** A GLN no other test uses, so an organization's entries are only this test's. */
    static String freshGln() {
        return "99" + String.format("%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
    }

    /** Appends {@code count} entries as {@code actor}, each in its own committed transaction. */
    static List<LedgerEntry> append(TransactionTemplate transactions, LedgerService ledger, Actor actor, int count) {
        List<LedgerEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            entries.add(CurrentActor.callAs(actor, () -> transactions.execute(
                    status -> ledger.append("testAction", "target-" + n, Map.of("n", n, "note", "fixture")))));
        }
        return entries;
    }

    static LedgerVerification verifyCommitted(Driver driver) {
        return new LedgerVerifier(driver, null).verify();
    }

    /** Runs the tampering statement, verifies what the tampering transaction sees, and rolls it back. */
    static LedgerVerification verifyTampered(Driver driver, String cypher, Map<String, Object> parameters) {
        try (Session session = driver.session(); Transaction tx = session.beginTransaction()) {
            tx.run(cypher, parameters).consume();
            LedgerVerification report = LedgerVerifier.within(tx).verify();
            tx.rollback();
            return report;
        }
    }

    static long headSeq(Driver driver) {
        var records = driver.executableQuery("MATCH (h:LedgerHead {id: 'main'}) RETURN h.seq AS seq").execute().records();
        return records.isEmpty() ? 0 : records.getFirst().get("seq").asLong();
    }

    static long entriesWithSeq(Driver driver, long seq) {
        return driver.executableQuery("MATCH (e:LedgerEntry {seq: $seq}) RETURN count(e) AS n")
                .withParameters(Map.of("seq", seq)).execute().records().getFirst().get("n").asLong();
    }
}
