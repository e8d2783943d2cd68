package io.crosstrace.hub.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.crosstrace.hub.HubIntegrationTest;
import io.crosstrace.hub.Partners;
import io.crosstrace.hub.graphql.GlobalId;
import io.crosstrace.hub.risk.RiskTestViews.Score;
import io.crosstrace.hub.security.AuthService;

/**
 * The blacklist: adding premises or an organization turns the consignments involved HIGH with the blacklist's reason,
 * removing it takes the reason away; both are on the ledger; adding is idempotent; only administrators and port
 * inspectors keep the list.
 */
@HubIntegrationTest
class BlacklistTest {

    private static final String ADD = """
            mutation($in: BlacklistAddInput!) { blacklistAdd(input: $in) {
              blacklisting { id reason since by active organization { gln } premises { gln } } userErrors { code field } } }""";
    private static final String REMOVE = """
            mutation($in: BlacklistRemoveInput!) { blacklistRemove(input: $in) {
              blacklisting { id active removedAt removedBy removalNote } userErrors { code } } }""";

    @Autowired
    HttpGraphQlTester graphQl;
    @Autowired
    AuthService auth;
    @Autowired
    Neo4jClient neo4j;

    private RiskWorld world;

    @BeforeEach
    void createWorld() {
        world = new RiskWorld(neo4j);
    }

    @AfterEach
    void deleteWorld() {
        world.delete();
    }

    @Test
    void blacklisted_premises_make_the_consignment_high_until_removed() {
        GraphQlTester.Response added = mutate("inspector", ADD, Map.of("premises", world.premisesGln, "reason", "Counterfeit labels found"));
        added.path("blacklistAdd.userErrors").entityList(Object.class).hasSize(0)
                .path("blacklistAdd.blacklisting.active").entity(Boolean.class).isEqualTo(true)
                .path("blacklistAdd.blacklisting.by").entity(String.class).isEqualTo("inspector")
                .path("blacklistAdd.blacklisting.premises.gln").entity(String.class).isEqualTo(world.premisesGln)
                .path("blacklistAdd.blacklisting.organization").valueIsNull();
        String id = added.path("blacklistAdd.blacklisting.id").entity(String.class).get();
        // The shape port verification reads.
        assertThat(count("MATCH (bl:Blacklisting {id: $id, active: true, reason: 'Counterfeit labels found'})-[:BLOCKS]->(:Premises {gln: $gln}) "
                + "WHERE bl.since IS NOT NULL AND bl.by = 'inspector' RETURN count(bl)", Map.of("id", GlobalId.keyOf(id, "Blacklisting"),
                "gln", world.premisesGln))).isEqualTo(1);

        Score score = riskOf(world.consignmentId());
        assertThat(score.score()).isEqualTo(100);
        assertThat(score.level()).isEqualTo("HIGH");
        assertThat(score.reasons().getFirst()).satisfies(r -> {
            assertThat(r.rule()).isEqualTo("BLACKLISTED");
            assertThat(r.points()).isEqualTo(100);
            assertThat(r.reason()).contains("premises Risk test plant");
            assertThat(r.evidence()).singleElement().asString().contains("Counterfeit labels found");
        });
        assertThat(riskOf(world.batchId()).score()).isEqualTo(100);
        assertThat(riskOf(world.producerId()).rules()).containsExactly("BLACKLISTED");
        assertThat(queueScoreOf(world.declarationNumber)).isEqualTo(100);
        assertThat(blacklist("analyst", true)).contains(id);

        mutate("admin", REMOVE, Map.of("blacklisting", id, "note", "Labels were genuine after all"))
                .path("blacklistRemove.blacklisting.active").entity(Boolean.class).isEqualTo(false)
                .path("blacklistRemove.blacklisting.removedBy").entity(String.class).isEqualTo("admin")
                .path("blacklistRemove.blacklisting.removalNote").entity(String.class).isEqualTo("Labels were genuine after all")
                .path("blacklistRemove.blacklisting.removedAt").hasValue();

        assertThat(riskOf(world.consignmentId()).reasons()).isEmpty();
        assertThat(queueScoreOf(world.declarationNumber)).isZero();
        assertThat(blacklist("inspector", true)).doesNotContain(id);
        assertThat(blacklist("inspector", false)).contains(id);
        // Removed, it no longer holds its target: the same premises can be blacklisted again.
        String again = mutate("inspector", ADD, Map.of("premises", world.premisesGln, "reason", "Counterfeit labels again"))
                .path("blacklistAdd.blacklisting.id").entity(String.class).get();
        assertThat(again).isNotEqualTo(id);
        mutate("inspector", REMOVE, Map.of("blacklisting", again)).path("blacklistRemove.userErrors").entityList(Object.class).hasSize(0);
        mutate("admin", REMOVE, Map.of("blacklisting", id)).path("blacklistRemove.userErrors[0].code").entity(String.class).isEqualTo("NOT_ACTIVE");

        String key = "Blacklisting:" + GlobalId.keyOf(id, "Blacklisting");
        assertThat(count("MATCH (e:LedgerEntry {action: 'blacklist.add', target: $t, actor: 'inspector'}) RETURN count(e)", Map.of("t", key))).isEqualTo(1);
        assertThat(count("MATCH (e:LedgerEntry {action: 'blacklist.remove', target: $t, actor: 'admin'}) RETURN count(e)", Map.of("t", key))).isEqualTo(1);
    }

    @Test
    void a_blacklisted_importer_makes_its_consignments_high() {
        String id = mutate("admin", ADD, Map.of("organization", world.importerId(), "reason", "Licence withdrawn"))
                .path("blacklistAdd.blacklisting.organization.gln").entity(String.class).isEqualTo(world.importerGln)
                .path("blacklistAdd.blacklisting.id").entity(String.class).get();

        Score score = riskOf(world.consignmentId());
        assertThat(score.score()).isEqualTo(100);
        assertThat(score.reasons().getFirst().reason()).contains("importer Risk test importer");
        assertThat(riskOf(world.importerId()).level()).isEqualTo("HIGH");
        assertThat(riskOf(world.producerId()).reasons()).as("the producer is not blocked").isEmpty();
        as("admin").document("query($id: ID!) { node(id: $id) { ... on Blacklisting { reason organization { gln } } } }").variable("id", id)
                .execute().path("node.reason").entity(String.class).isEqualTo("Licence withdrawn");
    }

    @Test
    void adding_is_idempotent_per_key_and_once_per_target() {
        Map<String, Object> input = Map.of("premises", world.premisesGln, "reason", "Under investigation", "idempotencyKey", "bl-" + world.suffix);
        String first = mutate("admin", ADD, input).path("blacklistAdd.blacklisting.id").entity(String.class).get();
        String again = mutate("admin", ADD, input).path("blacklistAdd.blacklisting.id").entity(String.class).get();

        assertThat(again).isEqualTo(first);
        assertThat(count("MATCH (bl:Blacklisting)-[:BLOCKS]->(:Premises {gln: $gln}) RETURN count(bl)", Map.of("gln", world.premisesGln))).isEqualTo(1);
        assertThat(count("MATCH (e:LedgerEntry {action: 'blacklist.add', target: $t}) RETURN count(e)",
                Map.of("t", "Blacklisting:" + GlobalId.keyOf(first, "Blacklisting")))).isEqualTo(1);

        Map<String, Object> changed = new HashMap<>(input);
        changed.put("reason", "Something else");
        mutate("admin", ADD, changed).path("blacklistAdd.userErrors[0].code").entity(String.class).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        mutate("inspector", ADD, Map.of("premises", world.premisesGln, "reason", "Twice"))
                .path("blacklistAdd.userErrors[0].code").entity(String.class).isEqualTo("ALREADY_BLACKLISTED")
                .path("blacklistAdd.blacklisting").valueIsNull();
    }

    @Test
    void concurrent_additions_for_one_target_create_one_entry() throws Exception {
        List<String> outcomes = new ArrayList<>();
        // Threads of its own: the hub itself runs work on the common pool, which must not be blocked by the test.
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> calls = new ArrayList<>();
            for (String user : List.of("admin", "inspector", "admin", "inspector")) {
                calls.add(callers.submit(() -> mutate(user, ADD, Map.of("organization", world.producerId(), "reason", "Raced by " + user))
                        .path("blacklistAdd.userErrors[*].code").entityList(String.class).get().stream().findFirst().orElse("OK")));
            }
            for (Future<String> call : calls) {
                outcomes.add(call.get(60, TimeUnit.SECONDS));
            }
        }

        assertThat(outcomes).containsOnlyOnce("OK").filteredOn(o -> !o.equals("OK")).containsOnly("ALREADY_BLACKLISTED");
        assertThat(count("MATCH (bl:Blacklisting)-[:BLOCKS]->(:Organization {gln: $gln}) RETURN count(bl)", Map.of("gln", world.producerGln)))
                .isEqualTo(1);
    }

    @Test
    void bad_input_is_refused_with_user_errors() {
        mutate("admin", ADD, Map.of("reason", "No target")).path("blacklistAdd.userErrors[0].code").entity(String.class).isEqualTo("ONE_TARGET");
        mutate("admin", ADD, Map.of("premises", world.premisesGln, "organization", world.producerId(), "reason", "Both"))
                .path("blacklistAdd.userErrors[0].code").entity(String.class).isEqualTo("ONE_TARGET");
        mutate("admin", ADD, Map.of("premises", world.premisesGln, "reason", " ")).path("blacklistAdd.userErrors[0].code")
                .entity(String.class).isEqualTo("REASON_REQUIRED");
        mutate("admin", ADD, Map.of("premises", "1234567890123", "reason", "Bad GLN")).path("blacklistAdd.userErrors[0].code")
                .entity(String.class).isEqualTo("INVALID_GLN");
        mutate("admin", ADD, Map.of("premises", io.crosstrace.gs1.Gln.fromDataDigits("939" + world.suffix + "999").value(), "reason", "Unknown"))
                .path("blacklistAdd.userErrors[0].code").entity(String.class).isEqualTo("PREMISES_NOT_FOUND");
        mutate("admin", ADD, Map.of("organization", world.batchId(), "reason", "Not an organization"))
                .path("blacklistAdd.userErrors[0].code").entity(String.class).isEqualTo("INVALID_ID");
        mutate("admin", REMOVE, Map.of("blacklisting", GlobalId.of("Blacklisting", "no-such-" + world.suffix)))
                .path("blacklistRemove.userErrors[0].code").entity(String.class).isEqualTo("BLACKLISTING_NOT_FOUND");
        assertThat(count("MATCH (bl:Blacklisting)-[:BLOCKS]->({riskWorld: $s}) RETURN count(bl)", Map.of("s", world.suffix))).isZero();
    }

    @Test
    void only_administrators_and_port_inspectors_keep_the_blacklist() {
        for (String user : List.of("analyst", "importer", "producer", "auditor")) {
            as(user).document(ADD).variable("in", Map.of("premises", world.premisesGln, "reason", "Not mine to say")).execute()
                    .errors().satisfy(errors -> assertThat(errors).as(user).singleElement()
                            .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
        }
        for (String user : List.of("importer", "producer")) {
            as(user).document("{ blacklist { id } }").execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                    .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
        }
        RiskTestViews.patient(graphQl).document(ADD).variable("in", Map.of("premises", world.premisesGln, "reason", "Anonymous")).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("UNAUTHORIZED")));
        assertThat(count("MATCH (bl:Blacklisting)-[:BLOCKS]->({riskWorld: $s}) RETURN count(bl)", Map.of("s", world.suffix))).isZero();
    }

    private GraphQlTester.Response mutate(String user, String document, Map<String, Object> input) {
        return as(user).document(document).variable("in", input).execute();
    }

    private List<String> blacklist(String user, boolean active) {
        return as(user).document("query($active: Boolean) { blacklist(active: $active) { id } }").variable("active", active).execute()
                .path("blacklist[*].id").entityList(String.class).get();
    }

    private Score riskOf(String subject) {
        return as("admin").document("query($id: ID!) { riskOf(subject: $id) { " + RiskTestViews.SCORE_FIELDS + " } }")
                .variable("id", subject).execute().path("riskOf").entity(Score.class).get();
    }

    private int queueScoreOf(String declarationNumber) {
        List<Map<String, Object>> edges = as("inspector").document("{ riskQueue(first: 500) { edges { node { declarationNumber } risk { score } } } }")
                .execute().path("riskQueue.edges").entityList(mapType()).get();
        return edges.stream().filter(e -> declarationNumber.equals(((Map<?, ?>) e.get("node")).get("declarationNumber")))
                .map(e -> ((Number) ((Map<?, ?>) e.get("risk")).get("score")).intValue()).findFirst().orElseThrow();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Class<Map<String, Object>> mapType() {
        return (Class) Map.class;
    }

    private long count(String cypher, Map<String, Object> parameters) {
        return neo4j.query(cypher).bindAll(parameters).fetchAs(Long.class).one().orElseThrow();
    }

    private HttpGraphQlTester as(String user) {
        return RiskTestViews.patient(Partners.as(graphQl, auth, user));
    }
}
