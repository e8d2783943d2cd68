package io.crosstrace.hub.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.transaction.PlatformTransactionManager;

import io.crosstrace.hub.HubIntegrationTest;
import io.crosstrace.hub.Partners;
import io.crosstrace.hub.certificate.CertificateSignatures;
import io.crosstrace.hub.code.CodeSigner;
import io.crosstrace.hub.graphql.NotFoundException;
import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.AuthService;
import io.crosstrace.hub.security.CurrentActor;
import io.crosstrace.hub.security.Role;

/**
 * The port's green lane, check by check: one complete chain is released GREEN; then, for each check, exactly one
 * thing of a fresh chain is broken and exactly that check reports it, with the verdict its severity gives and a
 * reason. Then sampling, forged and unknown codes, and who may verify.
 */
@HubIntegrationTest
class PortVerificationTest {

    record Check(String check, String status, String reason, String reasonZh) {
    }

    record Code(String code, String path, String lot, String verdict, List<Check> checks, List<Check> failures) {

        List<Check> notPassed() {
            return checks.stream().filter(c -> !c.status().equals("PASS")).toList();
        }

        Check check(String name) {
            return checks.stream().filter(c -> c.check().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " not reported: " + checks));
        }
    }

    record Consignment(String declarationNumber, String status) {
    }

    record Verification(String verdict, String verifiedAt, Consignment consignment, List<Code> codes) {
    }

    static final String VERIFY = """
            query($c: ID!, $codes: [String!]!) { portVerification(consignment: $c, codes: $codes) {
              verdict verifiedAt consignment { declarationNumber status }
              codes { code path lot verdict checks { check status reason reasonZh } failures { check status reason reasonZh } } } }""";

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
    PortVerificationService service;

    private GreenLaneFixture chain;

    @BeforeEach
    void aCompleteChain() {
        chain = GreenLaneFixture.create(neo4j, signer, signatures, transactions);
    }

    @AfterEach
    void removeIt() {
        chain.delete();
    }

    @Test
    void a_complete_chain_is_green_with_every_check_passed_and_explained() {
        Verification v = verify("inspector", chain.signedUri(0));

        assertThat(v.verdict()).isEqualTo("GREEN");
        assertThat(v.consignment().declarationNumber()).isEqualTo(chain.consignment);
        assertThat(v.verifiedAt()).isNotBlank();
        Code code = v.codes().getFirst();
        assertThat(code.verdict()).isEqualTo("GREEN");
        assertThat(code.path()).isEqualTo(chain.paths.getFirst());
        assertThat(code.lot()).isEqualTo(chain.lot);
        assertThat(code.checks()).extracting(Check::check)
                .containsExactly(Arrays.stream(PortCheck.values()).map(Enum::name).toArray(String[]::new));
        assertThat(code.checks()).allSatisfy(c -> {
            assertThat(c.status()).as(c.check() + ": " + c.reason()).isEqualTo("PASS");
            assertThat(c.reason()).isNotBlank();
            assertThat(c.reasonZh()).isNotBlank();
        });
        assertThat(code.check("TRACEABILITY_CERTIFICATE").reason()).contains(chain.certificate, "signature verified");
        assertThat(code.check("QUANTITIES").reason()).contains("60 units declared of 60 loaded", "12 sampled");
    }

    /** One broken thing per case: the Cypher that breaks it, the only check that reports it, and what it says. */
    static Stream<Arguments> oneThingBroken() {
        return Stream.of(
                broken("code revoked", "MATCH (t:TraceCode {path: $path}) SET t.status = 'REVOKED'",
                        "CODE_ACTIVE", "FAIL", "REVOKED"),
                broken("code flagged as a probable clone", """
                        MATCH (t:TraceCode {path: $path})
                        CREATE (:CloneFlag {rule: 'MANY_CLIENTS', reason: 'Many clients', flaggedAt: datetime()})-[:FLAGS]->(t)""",
                        "CODE_ACTIVE", "WARN", "probable clone"),
                broken("batch not declared in the consignment",
                        "MATCH (:Consignment {declarationNumber: $consignment})-[d:DECLARES]->(:Batch {gtin: $gtin}) DELETE d",
                        "BATCH_DECLARED", "FAIL", "is not declared in consignment"),
                broken("pre-shipment inspection failed",
                        "MATCH (i:Inspection {kind: 'PRE_SHIPMENT_INSPECTION'})-[:OF]->(:Batch {gtin: $gtin}) SET i.result = 'FAIL'",
                        "PRE_SHIPMENT_INSPECTION", "FAIL", "failed"),
                broken("no pre-shipment inspection",
                        "MATCH (i:Inspection {kind: 'PRE_SHIPMENT_INSPECTION'})-[:OF]->(:Batch {gtin: $gtin}) DETACH DELETE i",
                        "PRE_SHIPMENT_INSPECTION", "FAIL", "No pre-shipment inspection"),
                broken("a later pre-shipment inspection failed", """
                        MATCH (a:Organization {gln: $auditor}), (b:Batch {gtin: $gtin})
                        CREATE (a)-[:PERFORMED]->(:Inspection {number: 'ZZ-' + $lot, kind: 'PRE_SHIPMENT_INSPECTION', result: 'FAIL',
                                                               performedOn: $today, sampledQuantity: 6})-[:OF]->(b)""",
                        "PRE_SHIPMENT_INSPECTION", "FAIL", "failed"),
                broken("label approval failed",
                        "MATCH (i:Inspection {kind: 'LABEL_APPROVAL'})-[:OF]->(:Batch {gtin: $gtin}) SET i.result = 'FAIL'",
                        "LABEL_APPROVAL", "FAIL", "failed"),
                broken("no label approval",
                        "MATCH (i:Inspection {kind: 'LABEL_APPROVAL'})-[:OF]->(:Batch {gtin: $gtin}) DETACH DELETE i",
                        "LABEL_APPROVAL", "WARN", "review the documents"),
                broken("loading supervision failed",
                        "MATCH (i:Inspection {kind: 'LOADING_SUPERVISION'})-[:OF]->(:Shipment {number: $shipment}) SET i.result = 'FAIL'",
                        "LOADING_SUPERVISION", "FAIL", "failed"),
                broken("no loading supervision",
                        "MATCH (i:Inspection {kind: 'LOADING_SUPERVISION'})-[:OF]->(:Shipment {number: $shipment}) DETACH DELETE i",
                        "LOADING_SUPERVISION", "WARN", "No loading supervision"),
                broken("certificate revoked", """
                        MATCH (c:Certificate {number: $certificate})
                        SET c.status = 'REVOKED', c.revokedReason = 'Label mismatch', c.revokedOn = $today""",
                        "TRACEABILITY_CERTIFICATE", "FAIL", "was revoked: Label mismatch"),
                broken("certificate expired",
                        "MATCH (c:Certificate {number: $certificate}) SET c.validUntil = $today - duration('P1D')",
                        "TRACEABILITY_CERTIFICATE", "FAIL", "expired on"),
                broken("certificate altered after signing",
                        "MATCH (c:Certificate {number: $certificate}) SET c.validUntil = c.validUntil + duration('P100D')",
                        "TRACEABILITY_CERTIFICATE", "FAIL", "does not verify"),
                broken("certificate unsigned",
                        "MATCH (c:Certificate {number: $certificate}) REMOVE c.signature, c.signatureKeyId",
                        "TRACEABILITY_CERTIFICATE", "WARN", "no issuer signature"),
                broken("no certificate", "MATCH (c:Certificate {number: $certificate}) DETACH DELETE c",
                        "TRACEABILITY_CERTIFICATE", "FAIL", "No valid traceability certificate"),
                broken("premises audit failed",
                        "MATCH (i:Inspection {kind: 'PREMISES_AUDIT'})-[:OF]->(:Premises {gln: $premises}) SET i.result = 'FAIL'",
                        "PREMISES_AUDIT", "FAIL", "failed"),
                broken("premises audit too old",
                        "MATCH (i:Inspection {kind: 'PREMISES_AUDIT'})-[:OF]->(:Premises {gln: $premises}) SET i.performedOn = $today - duration('P400D')",
                        "PREMISES_AUDIT", "WARN", "400 days old"),
                broken("more declared than loaded",
                        "MATCH (:Consignment {declarationNumber: $consignment})-[d:DECLARES]->(:Batch {gtin: $gtin}) SET d.quantity = 61",
                        "QUANTITIES", "FAIL", "61 units of batch"),
                broken("declared batch not on the shipment",
                        "MATCH (:Shipment {number: $shipment})-[k:CARRIES]->(:Batch {gtin: $gtin}) DELETE k",
                        "QUANTITIES", "FAIL", "not loaded on shipment"),
                broken("the shipment's consignments declare more than loaded", """
                        MATCH (s:Shipment {number: $shipment}), (b:Batch {gtin: $gtin}), (o:Organization {gln: $importer})
                        CREATE (o)-[:IMPORTS]->(c:Consignment {declarationNumber: $consignment + 'B', status: 'ARRIVED'})
                        CREATE (c)-[:SHIPPED_AS]->(s)
                        CREATE (c)-[:DECLARES {quantity: 5}]->(b)""",
                        "QUANTITIES", "FAIL", "65 units of batch"),
                broken("no sampled quantity in the pre-shipment inspection",
                        "MATCH (i:Inspection {kind: 'PRE_SHIPMENT_INSPECTION'})-[:OF]->(:Batch {gtin: $gtin}) REMOVE i.sampledQuantity",
                        "QUANTITIES", "WARN", "no sampled quantity"),
                broken("dates not declared",
                        "MATCH (:Consignment {declarationNumber: $consignment})-[d:DECLARES]->() REMOVE d.productionDate, d.expiryDate",
                        "DATES", "WARN", "does not state the production and expiry dates"),
                broken("declared expiry date differs",
                        "MATCH (:Consignment {declarationNumber: $consignment})-[d:DECLARES]->() SET d.expiryDate = d.expiryDate + duration('P1D')",
                        "DATES", "FAIL", "Declared expiry date"),
                broken("too little shelf life left", """
                        MATCH (c:Consignment {declarationNumber: $consignment})-[d:DECLARES]->(b:Batch)
                        SET b.expiryDate = $today + duration('P30D'), d.expiryDate = $today + duration('P30D')""",
                        "SHELF_LIFE", "FAIL", "30 days of shelf life left"),
                broken("expired", """
                        MATCH (c:Consignment {declarationNumber: $consignment})-[d:DECLARES]->(b:Batch)
                        SET b.expiryDate = $today - duration('P1D'), d.expiryDate = $today - duration('P1D')""",
                        "SHELF_LIFE", "FAIL", "expired on"),
                broken("recall", """
                        MATCH (b:Batch {gtin: $gtin})
                        CREATE (:Recall {number: 'RCL-' + $lot, reason: 'Cronobacter found', status: 'ACTIVE'})-[:RECALLS]->(b)""",
                        "RECALL", "FAIL", "is recalled (RCL-"),
                broken("another consignment of the batch held", """
                        MATCH (b:Batch {gtin: $gtin}), (o:Organization {gln: $importer})
                        CREATE (o)-[:IMPORTS]->(c:Consignment {declarationNumber: $consignment + 'B', status: 'HELD'})
                        CREATE (c)-[:DECLARES {quantity: 0}]->(b)""",
                        "HOLD", "WARN", "was held at the port"),
                broken("producer blacklisted", """
                        MATCH (o:Organization {gln: $producer})
                        CREATE (:Blacklisting {active: true, reason: 'Forged certificates'})-[:BLOCKS]->(o)""",
                        "BLACKLIST", "FAIL", "Producer Port Test Dairy"),
                broken("premises blacklisted", """
                        MATCH (m:Premises {gln: $premises})
                        CREATE (:Blacklisting {active: true, reason: 'Registration suspended'})-[:BLOCKS]->(m)""",
                        "BLACKLIST", "FAIL", "Registration suspended"),
                broken("importer blacklisted", """
                        MATCH (o:Organization {gln: $importer})
                        CREATE (:Blacklisting {active: true, reason: 'Smuggling'})-[:BLOCKS]->(o)""",
                        "BLACKLIST", "FAIL", "Importer Port Test Importer"),
                broken("a closed recall does not count", """
                        MATCH (b:Batch {gtin: $gtin})
                        CREATE (:Recall {number: 'RCL-' + $lot, reason: 'Closed', status: 'CLOSED'})-[:RECALLS]->(b)""",
                        null, null, null),
                broken("an inactive blacklisting does not count", """
                        MATCH (o:Organization {gln: $producer})
                        CREATE (:Blacklisting {active: false, reason: 'Lifted'})-[:BLOCKS]->(o)""",
                        null, null, null));
    }

    private static Arguments broken(String what, String cypher, String check, String status, String reason) {
        return Arguments.of(what, cypher, check, status, reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneThingBroken")
    void each_check_failing_alone_gives_its_verdict_and_reason(String what, String cypher, String check, String status,
                                                             String reason) {
        chain.otherConsignments.add(chain.consignment + "B");
        chain.run(cypher);

        Verification v = verify("inspector", chain.signedUri(0));

        Code code = v.codes().getFirst();
        if (check == null) {
            assertThat(code.notPassed()).as(what).isEmpty();
            assertThat(v.verdict()).isEqualTo("GREEN");
            return;
        }
        String verdict = status.equals("FAIL") ? "RED" : "AMBER";
        assertThat(code.notPassed()).as(what).singleElement().satisfies(c -> {
            assertThat(c.check()).isEqualTo(check);
            assertThat(c.status()).isEqualTo(status);
            assertThat(c.reason()).contains(reason);
            assertThat(c.reasonZh()).isNotBlank();
        });
        assertThat(code.verdict()).isEqualTo(verdict);
        assertThat(v.verdict()).isEqualTo(verdict);
    }

    @Test
    void a_sample_of_several_codes_gets_a_verdict_per_code_and_the_worst_for_the_consignment() {
        String unsigned = chain.paths.get(2);
        Verification v = verify("inspector", chain.signedUri(0), chain.signedUri(1), unsigned, "/01/12345/21/x", "  " + chain.signedUri(3));

        assertThat(v.codes()).extracting(Code::verdict).containsExactly("GREEN", "GREEN", "RED", "RED", "GREEN");
        assertThat(v.codes()).allSatisfy(c -> assertThat(c.failures()).isEqualTo(c.notPassed()));
        assertThat(v.codes()).extracting(Code::code).startsWith(chain.signedUri(0), chain.signedUri(1), unsigned);
        assertThat(v.verdict()).isEqualTo("RED");
        assertThat(v.codes().get(2).notPassed()).singleElement().satisfies(c -> {
            assertThat(c.check()).isEqualTo("CODE_SIGNATURE");
            assertThat(c.reason()).contains("no digital signature");
        });
        // A malformed code is that code's failure, not the request's; nothing else can be checked about it.
        Code malformed = v.codes().get(3);
        assertThat(malformed.path()).isNull();
        assertThat(malformed.checks()).singleElement().satisfies(c -> {
            assertThat(c.check()).isEqualTo("CODE_FORMAT");
            assertThat(c.status()).isEqualTo("FAIL");
        });
    }

    @Test
    void paths_and_hand_typed_codes_are_read_like_uris() {
        String uri = chain.signedUri(1);
        String pathWithSignature = uri.substring("https://id.example.com".length());
        Verification v = verify("inspector", pathWithSignature, pathWithSignature.substring(1));

        assertThat(v.codes()).extracting(Code::verdict).containsExactly("GREEN", "GREEN");
    }

    @Test
    void a_forged_signature_is_red() {
        String uri = chain.signedUri(0);
        char last = uri.charAt(uri.length() - 2);
        String forged = uri.substring(0, uri.length() - 2) + (last == 'A' ? 'B' : 'A') + uri.charAt(uri.length() - 1);

        Code code = verify("inspector", forged).codes().getFirst();

        assertThat(code.verdict()).isEqualTo("RED");
        assertThat(code.notPassed()).singleElement().satisfies(c -> {
            assertThat(c.check()).isEqualTo("CODE_SIGNATURE");
            assertThat(c.reason()).contains("does not match");
        });
    }

    @Test
    void a_code_the_hub_never_issued_is_red_even_with_a_valid_signature() {
        Code code = verify("inspector", chain.signedUnknownUri()).codes().getFirst();

        assertThat(code.verdict()).isEqualTo("RED");
        assertThat(code.check("CODE_SIGNATURE").status()).isEqualTo("PASS");
        assertThat(code.notPassed()).singleElement().satisfies(c -> {
            assertThat(c.check()).isEqualTo("CODE_ISSUED");
            assertThat(c.reason()).contains("never issued");
        });
        // The batch it names is still checked: the inspector learns that the rest of the chain is in order.
        assertThat(code.checks()).extracting(Check::check).contains("PRE_SHIPMENT_INSPECTION", "BLACKLIST")
                .doesNotContain("CODE_ACTIVE");
    }

    @Test
    void a_unit_of_a_batch_not_declared_in_the_consignment_is_red() {
        String otherLot = chain.lot + "X";
        String path = "/01/" + chain.gtin + "/10/" + otherLot + "/21/OTHER1";
        chain.run("""
                MATCH (m:Premises {gln: $premises}), (p:Product {gtin: $gtin})
                CREATE (m)-[:PRODUCED]->(b:Batch {gtin: $gtin, lot: $otherLot, productionDate: $produced, expiryDate: $expires,
                                                  quantity: 1})-[:OF_PRODUCT]->(p)
                CREATE (b)-[:HAS_UNIT]->(:TraceCode {path: $otherPath, gtin: $gtin, lot: $otherLot, serial: 'OTHER1', status: 'ACTIVE'})""",
                Map.of("otherLot", otherLot, "otherPath", path));

        Verification v = verify("inspector", chain.signedUri(0),
                signer.signedUri(io.crosstrace.gs1.DigitalLink.parse(path), "https://id.example.com"));

        Code other = v.codes().get(1);
        assertThat(other.verdict()).isEqualTo("RED");
        assertThat(other.check("BATCH_DECLARED").status()).isEqualTo("FAIL");
        assertThat(other.check("BATCH_DECLARED").reason()).contains(otherLot, "not declared", chain.consignment);
        assertThat(other.checks()).extracting(Check::check).doesNotContain("QUANTITIES", "DATES");
        assertThat(v.codes().getFirst().verdict()).isEqualTo("GREEN");
        assertThat(v.verdict()).isEqualTo("RED");
    }

    @Test
    void only_port_inspectors_of_the_arrival_port_and_administrators_verify() {
        assertThat(verify("admin", chain.signedUri(0)).verdict()).isEqualTo("GREEN");
        for (String user : List.of("importer", "analyst", "auditor", "producer")) {
            assertError(as(user).document(VERIFY).variable("c", chain.consignmentId()).variable("codes", List.of(chain.signedUri(0)))
                    .execute(), "FORBIDDEN");
        }
        assertError(graphQl.document(VERIFY).variable("c", chain.consignmentId()).variable("codes", List.of(chain.signedUri(0)))
                .execute(), "UNAUTHORIZED");
        assertError(as("inspector").document(VERIFY).variable("c", io.crosstrace.hub.graphql.GlobalId.of("Consignment", "NOSUCH1234"))
                .variable("codes", List.of(chain.signedUri(0))).execute(), "NOT_FOUND");

        // A port authority elsewhere sees nothing of it: the same answer as for a consignment that does not exist.
        String elsewhere = GreenLaneFixture.gln();
        neo4j.query("""
                CREATE (o:Organization {gln: $gln, name: 'Other Port Authority', country: 'CN', roles: ['PORT_AUTHORITY']})
                  -[:INSPECTS_AT]->(:Location {gln: $gln + 'L', name: 'Other port', kind: 'PORT', country: 'CN'})""")
                .bind(elsewhere).to("gln").run();
        try {
            Actor otherInspector = Actor.user("other-inspector", elsewhere, Role.INSPECTOR);
            assertThatThrownBy(() -> CurrentActor.callAs(otherInspector,
                    () -> service.verify(chain.consignment, List.of(chain.signedUri(0)))))
                    .isInstanceOf(NotFoundException.class);
        } finally {
            neo4j.query("MATCH (o:Organization {gln: $gln})-[:INSPECTS_AT]->(l) DETACH DELETE o, l").bind(elsewhere).to("gln").run();
        }
    }

    @Test
    void a_sample_holds_one_to_fifty_codes() {
        GreenLaneFixture big = GreenLaneFixture.create(neo4j, signer, signatures, transactions, 50);
        try {
            List<String> fifty = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                fifty.add(big.signedUri(i));
            }
            List<String> tooMany = new ArrayList<>(fifty);
            tooMany.add(big.signedUri(0));
            assertError(as("inspector").document(VERIFY).variable("c", big.consignmentId()).variable("codes", tooMany).execute(),
                    "BAD_REQUEST");
            assertError(as("inspector").document(VERIFY).variable("c", big.consignmentId()).variable("codes", List.of()).execute(),
                    "BAD_REQUEST");

            Verification v = as("inspector").document(VERIFY)
                    .variable("c", big.consignmentId()).variable("codes", fifty).execute()
                    .path("portVerification").entity(Verification.class).get();

            assertThat(v.codes()).hasSize(50).allSatisfy(c -> assertThat(c.verdict()).isEqualTo("GREEN"));
            assertThat(v.codes()).extracting(Code::path).doesNotHaveDuplicates();
        } finally {
            big.delete();
        }
    }

    @Test
    void the_same_unit_scanned_twice_is_reported_twice() {
        Verification v = verify("inspector", chain.signedUri(0), chain.signedUri(0));

        assertThat(v.codes()).hasSize(2).allSatisfy(c -> {
            assertThat(c.verdict()).isEqualTo("GREEN");
            assertThat(c.path()).isEqualTo(chain.paths.getFirst());
        });
    }

    @Test
    void verification_is_a_read_that_records_nothing() {
        verify("inspector", chain.signedUri(0), chain.signedUri(1));
        verify("inspector", chain.signedUri(0), chain.signedUri(1));

        assertThat(chain.consignmentStatus()).isEqualTo("ARRIVED");
        assertThat(neo4j.query("MATCH (:Consignment {declarationNumber: $n})<-[:OF]-(i:Inspection) RETURN count(i)")
                .bind(chain.consignment).to("n").fetchAs(Long.class).one().orElseThrow()).isZero();
    }

    private Verification verify(String user, String... codes) {
        return as(user).document(VERIFY).variable("c", chain.consignmentId()).variable("codes", List.of(codes)).execute()
                .path("portVerification").entity(Verification.class).get();
    }

    /** Signed in as a demo user; generous timeout, as the build machine is shared. */
    private HttpGraphQlTester as(String user) {
        return Partners.as(graphQl, auth, user).mutate().responseTimeout(Duration.ofSeconds(60)).build();
    }

    private static void assertError(GraphQlTester.Response response, String type) {
        response.errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo(type)));
    }
}
