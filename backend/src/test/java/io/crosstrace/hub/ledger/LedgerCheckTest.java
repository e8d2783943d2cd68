package io.crosstrace.hub.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.crosstrace.hub.HubIntegrationTest;
import io.crosstrace.hub.graphdb.EmbeddedNeo4jAutoConfiguration.EmbeddedEngine;
import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.Role;

/** The command-line check against the test hub's own database over Bolt. */
@HubIntegrationTest
class LedgerCheckTest {

    @Autowired
    LedgerService ledger;
    @Autowired
    LedgerCheckpointer checkpointer;
    @Autowired
    Driver driver;
    @Autowired
    EmbeddedEngine engine;
    TransactionTemplate transactions;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Autowired
    void transactions(PlatformTransactionManager transactionManager) {
        transactions = new TransactionTemplate(transactionManager);
    }

    @Test
    void exits_0_when_intact_and_1_after_tampering() {
        var entries = LedgerFixtures.append(transactions, ledger, Actor.user("alice", LedgerFixtures.freshGln(), Role.PRODUCER), 3);
        // Sealed first, so the scheduled sealing has nothing to do with the entry while it is tampered with.
        checkpointer.sealPending();
        long victim = entries.get(1).seq();
        String uri = engine.neo4j().boltUri().toString();

        assertThat(check("--uri", uri)).as(output()).isEqualTo(LedgerCheck.INTACT);
        assertThat(output()).contains("Ledger intact", "ok=true");

        // Committed, because the check runs in its own connection; restored whatever happens.
        setAction(victim, "forgedAction");
        try {
            assertThat(check("--uri", uri, "--database", "neo4j")).as(output()).isEqualTo(LedgerCheck.TAMPERED);
            assertThat(output()).contains("TAMPERED", "problem=EDITED", "firstBadSeq=" + victim);
        } finally {
            setAction(victim, entries.get(1).action());
        }
        assertThat(check("--uri", uri)).as(output()).isEqualTo(LedgerCheck.INTACT);
    }

    @Test
    void exits_2_on_wrong_usage_or_no_connection() {
        assertThat(check()).isEqualTo(LedgerCheck.UNUSABLE);
        assertThat(check("--uri")).isEqualTo(LedgerCheck.UNUSABLE);
        assertThat(check("--url", "bolt://127.0.0.1:7687")).isEqualTo(LedgerCheck.UNUSABLE);
        assertThat(check("--uri", "bolt://127.0.0.1:7687", "--user", "neo4j")).isEqualTo(LedgerCheck.UNUSABLE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage");
        assertThat(check("--uri", "bolt://127.0.0.1:1")).isEqualTo(LedgerCheck.UNUSABLE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Cannot check the ledger");
    }

    private int check(String... args) {
        out.reset();
        return LedgerCheck.run(args, null, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    private void setAction(long seq, String action) {
        driver.executableQuery("MATCH (e:LedgerEntry {seq: $seq}) SET e.action = $action")
                .withParameters(Map.of("seq", seq, "action", action)).execute();
    }
}
