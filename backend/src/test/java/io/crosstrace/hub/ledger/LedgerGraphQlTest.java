package io.crosstrace.hub.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.test.tester.ExecutionGraphQlServiceTester;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.crosstrace.hub.HubIntegrationTest;
import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.CurrentActor;
import io.crosstrace.hub.security.Role;

/** The ledger queries run in-process as different callers: who may read which entries, verify, and get proofs. */
@HubIntegrationTest
class LedgerGraphQlTest {

    private static final String ENTRIES = """
            query($first: Int, $after: String) {
              ledgerEntries(first: $first, after: $after) {
                totalCount
                pageInfo { hasNextPage endCursor }
                edges { cursor node { seq at actor actorKind organization action target changeDigest prevHash hash } }
              }
            }""";
    private static final String VERIFICATION = """
            { ledgerVerification { ok entriesChecked checkpointsChecked firstBadSeq problem detail } }""";
    private static final String PROOF = """
            query($seq: Int!) {
              ledgerProof(seq: $seq) {
                seq entryHash leaf leafIndex treeSize root checkpoint fromSeq toSeq checkpointAt path { hash side }
              }
            }""";

    @Autowired
    LedgerService ledger;
    @Autowired
    LedgerCheckpointer checkpointer;
    ExecutionGraphQlServiceTester graphQl;
    TransactionTemplate transactions;

    Actor producerA;
    Actor producerB;
    List<LedgerEntry> entriesOfA;
    List<LedgerEntry> entriesOfB;

    @Autowired
    void setUp(ExecutionGraphQlService service, PlatformTransactionManager transactionManager) {
        graphQl = ExecutionGraphQlServiceTester.create(service);
        transactions = new TransactionTemplate(transactionManager);
    }

    @BeforeEach
    void appendForTwoOrganizations() {
        producerA = Actor.user("alice", LedgerFixtures.freshGln(), Role.PRODUCER);
        producerB = Actor.user("bob", LedgerFixtures.freshGln(), Role.PRODUCER);
        entriesOfA = LedgerFixtures.append(transactions, ledger, producerA, 2);
        entriesOfB = LedgerFixtures.append(transactions, ledger, producerB, 2);
    }

    @Test
    void anonymous_callers_may_not_read_the_ledger() {
        assertErrorType(graphQl.document(ENTRIES).execute(), "UNAUTHORIZED");
        assertErrorType(graphQl.document(VERIFICATION).execute(), "UNAUTHORIZED");
        assertErrorType(graphQl.document(PROOF).variable("seq", entriesOfA.getFirst().seq()).execute(), "UNAUTHORIZED");
    }

    @Test
    void a_partner_reads_only_its_own_organizations_entries_newest_first() {
        CurrentActor.runAs(producerA, () -> {
            var response = graphQl.document(ENTRIES).variable("first", 500).execute();
            List<Integer> seqs = response.path("ledgerEntries.edges[*].node.seq").entityList(Integer.class).get();
            assertThat(seqs).containsExactly((int) entriesOfA.get(1).seq(), (int) entriesOfA.get(0).seq());
            response.path("ledgerEntries.totalCount").entity(Long.class).isEqualTo(2L);
            response.path("ledgerEntries.edges[*].node.organization").entityList(String.class)
                    .containsExactly(producerA.organizationGln(), producerA.organizationGln());
            response.path("ledgerEntries.edges[0].node.hash").entity(String.class).isEqualTo(entriesOfA.get(1).hash());
            response.path("ledgerEntries.edges[0].node.prevHash").entity(String.class).isEqualTo(entriesOfA.get(1).prevHash());
            response.path("ledgerEntries.edges[0].node.actorKind").entity(String.class).isEqualTo("USER");
        });
    }

    @Test
    void administrators_and_analysts_read_every_entry_newest_first_in_pages() {
        for (Actor reader : List.of(Actor.user("root", LedgerFixtures.freshGln(), Role.PLATFORM_ADMIN),
                Actor.user("ana", LedgerFixtures.freshGln(), Role.ANALYST))) {
            CurrentActor.runAs(reader, () -> {
                var first = graphQl.document(ENTRIES).variable("first", 3).execute();
                List<Integer> seqs = first.path("ledgerEntries.edges[*].node.seq").entityList(Integer.class).get();
                assertThat(seqs).hasSize(3).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
                assertThat(seqs.getFirst()).isGreaterThanOrEqualTo((int) entriesOfB.getLast().seq());
                List<String> organizations = first.path("ledgerEntries.edges[*].node.organization").entityList(String.class).get();
                assertThat(organizations).contains(producerA.organizationGln(), producerB.organizationGln());
                first.path("ledgerEntries.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
                String cursor = first.path("ledgerEntries.pageInfo.endCursor").entity(String.class).get();

                graphQl.document(ENTRIES).variable("first", 1).variable("after", cursor).execute()
                        .path("ledgerEntries.edges[0].node.seq").entity(Integer.class).isEqualTo(seqs.getLast() - 1);
            });
        }
    }

    @Test
    void only_administrators_and_analysts_run_the_verification() {
        CurrentActor.runAs(producerA, () -> assertErrorType(graphQl.document(VERIFICATION).execute(), "FORBIDDEN"));
        for (Actor reader : List.of(Actor.user("root", LedgerFixtures.freshGln(), Role.PLATFORM_ADMIN),
                Actor.user("ana", LedgerFixtures.freshGln(), Role.ANALYST))) {
            CurrentActor.runAs(reader, () -> {
                var response = graphQl.document(VERIFICATION).execute();
                response.path("ledgerVerification.ok").entity(Boolean.class).isEqualTo(true);
                response.path("ledgerVerification.problem").valueIsNull();
                response.path("ledgerVerification.entriesChecked").entity(Long.class)
                        .satisfies(n -> assertThat(n).isGreaterThanOrEqualTo(entriesOfB.getLast().seq()));
            });
        }
    }

    @Test
    void a_partner_gets_proofs_for_its_own_entries_only() {
        checkpointer.sealPending();
        LedgerEntry own = entriesOfA.get(1);

        CurrentActor.runAs(producerA, () -> {
            var response = graphQl.document(PROOF).variable("seq", own.seq()).execute();
            response.path("ledgerProof.entryHash").entity(String.class).isEqualTo(own.hash());
            String root = response.path("ledgerProof.root").entity(String.class).get();
            List<MerkleProof.Step> path = response.path("ledgerProof.path").entityList(Map.class).get().stream()
                    .map(step -> new MerkleProof.Step((String) step.get("hash"), MerkleProof.Side.valueOf((String) step.get("side"))))
                    .toList();
            assertThat(MerkleProof.verify(own.hash(), path, root)).isTrue();
            assertThat(MerkleProof.verify(entriesOfA.getFirst().hash(), path, root)).isFalse();

            assertErrorType(graphQl.document(PROOF).variable("seq", entriesOfB.getFirst().seq()).execute(), "FORBIDDEN");
            assertNotFound(graphQl.document(PROOF).variable("seq", Integer.MAX_VALUE).execute());
        });
        CurrentActor.runAs(Actor.user("ana", LedgerFixtures.freshGln(), Role.ANALYST), () -> graphQl.document(PROOF)
                .variable("seq", entriesOfB.getFirst().seq()).execute()
                .path("ledgerProof.entryHash").entity(String.class).isEqualTo(entriesOfB.getFirst().hash()));
    }

    /** The field is denied: one error, on that field, with its classification. */
    private static void assertErrorType(GraphQlTester.Response response, String type) {
        response.errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(error -> {
                    assertThat(error.getPath()).startsWith("ledger");
                    assertThat(error.getErrorType().toString()).isEqualTo(type);
                }));
    }

    private static void assertNotFound(GraphQlTester.Response response) {
        response.errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(error -> assertThat(error.getErrorType().toString()).isEqualTo("NOT_FOUND")));
    }
}
