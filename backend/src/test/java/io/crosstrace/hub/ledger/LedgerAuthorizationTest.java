package io.crosstrace.hub.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.crosstrace.hub.HubIntegrationTest;
import io.crosstrace.hub.graphql.PageRequest;
import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.CurrentActor;
import io.crosstrace.hub.security.Role;

/** Who may read what, decided in the service whatever the channel (GraphQL, workspace, REST). */
@HubIntegrationTest
class LedgerAuthorizationTest {

    @Autowired
    LedgerService ledger;
    @Autowired
    LedgerReadService reads;
    @Autowired
    LedgerCheckpointer checkpointer;
    TransactionTemplate transactions;

    Actor producer;
    LedgerEntry own;
    LedgerEntry foreign;
    LedgerEntry anonymous;

    @Autowired
    void transactions(PlatformTransactionManager transactionManager) {
        transactions = new TransactionTemplate(transactionManager);
    }

    @BeforeEach
    void appendForSeveralCallers() {
        producer = Actor.user("alice", LedgerFixtures.freshGln(), Role.PRODUCER);
        own = LedgerFixtures.append(transactions, ledger, producer, 1).getFirst();
        foreign = LedgerFixtures.append(transactions, ledger, Actor.user("bob", LedgerFixtures.freshGln(), Role.PRODUCER), 1)
                .getFirst();
        anonymous = LedgerFixtures.append(transactions, ledger, Actor.ANONYMOUS, 1).getFirst();
        checkpointer.sealPending();
    }

    @Test
    void anonymous_callers_must_sign_in() {
        assertThatThrownBy(() -> reads.entries(PageRequest.of(10, null), false))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> reads.verification()).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> reads.proof(own.seq())).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void a_partner_sees_its_own_organizations_entries_and_proofs_only() {
        CurrentActor.runAs(producer, () -> {
            List<LedgerEntry> visible = reads.entries(PageRequest.of(500, null), true).nodes();
            assertThat(visible).containsExactly(own);
            assertThat(reads.entries(PageRequest.of(1, null), true).totalCount()).isEqualTo(1L);
            assertThat(reads.proof(own.seq()).verifies()).isTrue();
            assertThatThrownBy(() -> reads.proof(foreign.seq())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> reads.proof(anonymous.seq())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> reads.verification()).isInstanceOf(AccessDeniedException.class);
        });
    }

    @Test
    void administrators_and_analysts_see_everything_and_verify() {
        for (Role role : List.of(Role.PLATFORM_ADMIN, Role.ANALYST)) {
            CurrentActor.runAs(Actor.user("reader", LedgerFixtures.freshGln(), role), () -> {
                List<LedgerEntry> newest = reads.entries(PageRequest.of(500, null), false).nodes();
                assertThat(newest).contains(own, foreign, anonymous);
                assertThat(newest.indexOf(anonymous)).isLessThan(newest.indexOf(own));
                assertThat(reads.proof(foreign.seq()).verifies()).isTrue();
                assertThat(reads.proof(anonymous.seq()).verifies()).isTrue();
                LedgerVerification report = reads.verification();
                assertThat(report.ok()).as(report.summary()).isTrue();
            });
        }
    }
}
