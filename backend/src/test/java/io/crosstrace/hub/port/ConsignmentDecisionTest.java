package io.crosstrace.hub.port;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.transaction.PlatformTransactionManager;

import io.crosstrace.hub.HubIntegrationTest;
import io.crosstrace.hub.Partners;
import io.crosstrace.hub.certificate.CertificateSignatures;
import io.crosstrace.hub.code.CodeSigner;
import io.crosstrace.hub.mutation.Outcome;
import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.AuthService;
import io.crosstrace.hub.security.CurrentActor;
import io.crosstrace.hub.security.Role;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The port inspector's decision: recorded as a PORT_VERIFICATION inspection, the consignment's status follows, the
 * importer's subscribed system is told, and the ledger records the decision last; retries with the same key decide
 * once; only the inspectors of the arrival port decide.
 */
@HubIntegrationTest
class ConsignmentDecisionTest {

    static final String DECIDE = """
            mutation($in: ConsignmentDecideInput!) { consignmentDecide(input: $in) {
              consignment { declarationNumber status releasedOn }
              inspection { number kind result performedOn findings performer { gln } subject { ... on Consignment { declarationNumber } } }
              userErrors { code message field } } }""";

    @Autowired
    HttpGraphQlTester graphQl;
    @Autowired
    AuthService auth;
    @Autowired
    Neo4jClient neo4j;
    @Autowired
    CodeSigner signer;
    @Autowired
    CertificateSignatures signatures;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    ConsignmentDecisionService decisions;

    private GreenLaneFixture chain;

    @BeforeEach
    void anArrivedConsignment() {
        chain = GreenLaneFixture.create(neo4j, signer, signatures, transactions);
    }

    @AfterEach
    void removeIt() {
        chain.delete();
    }

    @Test
    void release_moves_the_status_records_the_inspection_tells_the_importer_and_ends_in_the_ledger() {
        String subscription = subscribeImporter();
        long ledgerBefore = ledgerHead();

        GraphQlTester.Response response = decide(Map.of("decision", "RELEASE", "note", "Seal intact, labels match",
                "codes", List.of(chain.signedUri(0), chain.signedUri(1))));

        response.path("consignmentDecide.userErrors").entityList(Object.class).hasSize(0)
                .path("consignmentDecide.consignment.status").entity(String.class).isEqualTo("RELEASED")
                .path("consignmentDecide.consignment.releasedOn").entity(String.class).isEqualTo(LocalDate.now().toString())
                .path("consignmentDecide.inspection.kind").entity(String.class).isEqualTo("PORT_VERIFICATION")
                .path("consignmentDecide.inspection.result").entity(String.class).isEqualTo("PASS")
                .path("consignmentDecide.inspection.performer.gln").entity(String.class).isEqualTo(inspectorOrganization())
                .path("consignmentDecide.inspection.subject.declarationNumber").entity(String.class).isEqualTo(chain.consignment);
        String findings = response.path("consignmentDecide.inspection.findings").entity(String.class).get();
        assertThat(findings).contains("Decision: RELEASE", "Seal intact, labels match", "Verification: GREEN on 2 code(s)",
                chain.paths.getFirst());
        assertThat(chain.consignmentStatus()).isEqualTo("RELEASED");

        // The importer's system hears of both moves: into inspection, and out released.
        List<Map<String, Object>> deliveries = neo4j.query("""
                MATCH (d:WebhookDelivery)-[:FOR]->(:WebhookSubscription {id: $id})
                RETURN d.type AS type, d.subject AS subject, d.payload AS payload ORDER BY d.createdAt, d.payload""")
                .bind(subscription).to("id").fetch().all().stream().toList();
        assertThat(deliveries).hasSize(2).allSatisfy(d -> {
            assertThat(d.get("type")).isEqualTo("CONSIGNMENT_STATUS_CHANGED");
            assertThat(d.get("subject")).isEqualTo("Consignment:" + chain.consignment);
        });
        assertThat(deliveries.stream().map(d -> json((String) d.get("payload")).get("data").get("to").asString()))
                .containsExactlyInAnyOrder("UNDER_INSPECTION", "RELEASED");

        // Every move is on the record, the decision last.
        assertThat(ledgerActions(ledgerBefore)).containsExactly("consignment.status", "consignment.status", "consignment.decide");
    }

    @Test
    void hold_then_release_or_reject_follows_the_consignment_workflow() {
        decide(Map.of("decision", "HOLD", "note", "Label differs from the approved artwork"))
                .path("consignmentDecide.consignment.status").entity(String.class).isEqualTo("HELD")
                .path("consignmentDecide.inspection.result").entity(String.class).isEqualTo("FAIL");
        decide(Map.of("decision", "HOLD", "note", "again"))
                .path("consignmentDecide.userErrors[0].code").entity(String.class).isEqualTo("INVALID_TRANSITION")
                .path("consignmentDecide.inspection").valueIsNull();
        decide(Map.of("decision", "RELEASE", "note", "Relabelled under supervision"))
                .path("consignmentDecide.consignment.status").entity(String.class).isEqualTo("RELEASED")
                .path("consignmentDecide.inspection.result").entity(String.class).isEqualTo("PASS");
        decide(Map.of("decision", "REJECT"))
                .path("consignmentDecide.userErrors[0].code").entity(String.class).isEqualTo("INVALID_TRANSITION");

        assertThat(portInspections()).isEqualTo(2);
    }

    @Test
    void reject_from_under_inspection() {
        chain.run("MATCH (c:Consignment {declarationNumber: $consignment}) SET c.status = 'UNDER_INSPECTION'");

        decide(Map.of("decision", "REJECT", "note", "Counterfeit labels"))
                .path("consignmentDecide.consignment.status").entity(String.class).isEqualTo("REJECTED")
                .path("consignmentDecide.inspection.result").entity(String.class).isEqualTo("FAIL");
    }

    @Test
    void a_consignment_not_yet_arrived_cannot_be_decided_and_nothing_is_written() {
        chain.run("MATCH (c:Consignment {declarationNumber: $consignment}) SET c.status = 'IN_TRANSIT'");
        long ledgerBefore = ledgerHead();

        decide(Map.of("decision", "RELEASE"))
                .path("consignmentDecide.userErrors[0].code").entity(String.class).isEqualTo("INVALID_TRANSITION");

        assertThat(chain.consignmentStatus()).isEqualTo("IN_TRANSIT");
        assertThat(portInspections()).isZero();
        assertThat(ledgerActions(ledgerBefore)).isEmpty();
    }

    @Test
    void releasing_against_a_red_verdict_needs_a_note() {
        chain.run("MATCH (c:Certificate {number: $certificate}) SET c.status = 'REVOKED'");

        decide(Map.of("decision", "RELEASE", "codes", List.of(chain.signedUri(0))))
                .path("consignmentDecide.userErrors[0].code").entity(String.class).isEqualTo("NOTE_REQUIRED");
        String findings = decide(Map.of("decision", "RELEASE", "codes", List.of(chain.signedUri(0)),
                "note", "Certificate reissued on paper, checked with the issuer"))
                .path("consignmentDecide.consignment.status").entity(String.class).isEqualTo("RELEASED")
                .path("consignmentDecide.inspection.findings").entity(String.class).get();
        assertThat(findings).contains("Verification: RED", "TRACEABILITY_CERTIFICATE FAIL", "was revoked");
    }

    @Test
    void a_retry_with_the_same_key_decides_once() {
        String key = "decide-" + UUID.randomUUID();
        Map<String, Object> input = Map.of("decision", "RELEASE", "note", "ok", "idempotencyKey", key);
        long ledgerBefore = ledgerHead();

        String first = decide(input).path("consignmentDecide.inspection.number").entity(String.class).get();
        String again = decide(input).path("consignmentDecide.inspection.number").entity(String.class).get();

        assertThat(again).isEqualTo(first);
        assertThat(portInspections()).isEqualTo(1);
        assertThat(ledgerActions(ledgerBefore)).containsOnlyOnce("consignment.decide");
        Map<String, Object> changed = new HashMap<>(input);
        changed.put("decision", "HOLD");
        decide(changed).path("consignmentDecide.userErrors[0].code").entity(String.class).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void only_inspectors_of_the_arrival_port_decide() {
        for (String user : List.of("importer", "admin", "auditor")) {
            as(user).document(DECIDE).variable("in", input(Map.of("decision", "RELEASE"))).execute().errors()
                    .satisfy(errors -> assertThat(errors).as(user).singleElement()
                            .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
        }

        String elsewhere = GreenLaneFixture.gln();
        neo4j.query("""
                CREATE (o:Organization {gln: $gln, name: 'Other Port Authority', country: 'CN', roles: ['PORT_AUTHORITY']})
                  -[:INSPECTS_AT]->(:Location {gln: $gln + 'L', name: 'Other port', kind: 'PORT', country: 'CN'})""")
                .bind(elsewhere).to("gln").run();
        try {
            Outcome<ConsignmentDecisionService.Decided> outcome = CurrentActor.callAs(
                    Actor.user("other-inspector", elsewhere, Role.INSPECTOR),
                    () -> decisions.decide(new ConsignmentDecisionService.DecideInput(chain.consignmentId(), "RELEASE", null,
                            null, null)));
            assertThat(outcome.userErrors()).singleElement()
                    .satisfies(e -> assertThat(e.code()).isEqualTo("CONSIGNMENT_NOT_FOUND"));
        } finally {
            neo4j.query("MATCH (o:Organization {gln: $gln})-[:INSPECTS_AT]->(l) DETACH DELETE o, l").bind(elsewhere).to("gln").run();
        }
        assertThat(chain.consignmentStatus()).isEqualTo("ARRIVED");
        assertThat(portInspections()).isZero();
    }

    private GraphQlTester.Response decide(Map<String, Object> fields) {
        return as("inspector").document(DECIDE).variable("in", input(fields)).execute();
    }

    private Map<String, Object> input(Map<String, Object> fields) {
        Map<String, Object> in = new HashMap<>(fields);
        in.put("consignment", chain.consignmentId());
        return in;
    }

    /** Signed in as a demo user; generous timeout, as the build machine is shared. */
    private HttpGraphQlTester as(String user) {
        return Partners.as(graphQl, auth, user).mutate().responseTimeout(Duration.ofSeconds(60)).build();
    }

    /** A subscription of the chain's importer, made directly: its target is never reached (deliveries are cancelled). */
    private String subscribeImporter() {
        String id = UUID.randomUUID().toString();
        neo4j.query("""
                MATCH (o:Organization {gln: $importer})
                CREATE (o)-[:SUBSCRIBES]->(:WebhookSubscription {id: $id, url: 'https://127.0.0.1/port-test', active: true,
                        events: ['CONSIGNMENT_STATUS_CHANGED'], secret: 'port-test-secret', createdAt: datetime()})""")
                .bindAll(Map.of("importer", chain.importer, "id", id)).run();
        return id;
    }

    private long portInspections() {
        return neo4j.query("MATCH (:Consignment {declarationNumber: $n})<-[:OF]-(i:Inspection {kind: 'PORT_VERIFICATION'}) RETURN count(i)")
                .bind(chain.consignment).to("n").fetchAs(Long.class).one().orElseThrow();
    }

    private long ledgerHead() {
        return neo4j.query("MATCH (e:LedgerEntry) RETURN coalesce(max(e.seq), 0)").fetchAs(Long.class).one().orElseThrow();
    }

    /** The ledger actions on this consignment since {@code after}, in order. */
    private List<String> ledgerActions(long after) {
        return neo4j.query("""
                MATCH (e:LedgerEntry) WHERE e.seq > $after AND e.target = $target
                RETURN e.action ORDER BY e.seq""")
                .bindAll(Map.of("after", after, "target", "Consignment:" + chain.consignment)).fetchAs(String.class).all()
                .stream().toList();
    }

    private String inspectorOrganization() {
        return neo4j.query("MATCH (:User {username: 'inspector'})-[:MEMBER_OF]->(o) RETURN o.gln").fetchAs(String.class)
                .one().orElseThrow();
    }

    private static JsonNode json(String text) {
        return JsonMapper.builder().build().readTree(text);
    }
}
