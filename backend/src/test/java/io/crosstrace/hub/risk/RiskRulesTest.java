package io.crosstrace.hub.risk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.crosstrace.hub.HubIntegrationTest;
import io.crosstrace.hub.Partners;
import io.crosstrace.hub.risk.RiskTestViews.Reason;
import io.crosstrace.hub.risk.RiskTestViews.Score;
import io.crosstrace.hub.security.AuthService;

/**
 * Each rule alone, on a world of the test's own that scores 0 until one fact is added: the rule's reason appears with
 * its default points (and evidence that names the fact), and nothing else does.
 */
@HubIntegrationTest
class RiskRulesTest {

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
    void the_world_scores_zero_as_consignment_batch_producer_and_importer() {
        Score consignment = riskOf(world.consignmentId());
        assertThat(consignment.score()).isZero();
        assertThat(consignment.level()).isEqualTo("LOW");
        assertThat(consignment.reasons()).isEmpty();
        assertThat(consignment.scoredAs()).containsExactly("CONSIGNMENT");
        assertThat(consignment.subject()).isEqualTo(world.consignmentId());

        assertThat(riskOf(world.batchId())).satisfies(s -> {
            assertThat(s.reasons()).isEmpty();
            assertThat(s.scoredAs()).containsExactly("BATCH");
        });
        assertThat(riskOf(world.producerId())).satisfies(s -> {
            assertThat(s.reasons()).isEmpty();
            assertThat(s.scoredAs()).containsExactly("PRODUCER");
        });
        assertThat(riskOf(world.importerId())).satisfies(s -> {
            assertThat(s.reasons()).isEmpty();
            assertThat(s.scoredAs()).containsExactly("IMPORTER");
        });
    }

    @Test
    void past_holds_of_the_importer_count_within_the_lookback() {
        String held = world.anotherConsignment("HELD", world.today.minusDays(40), "OURS");
        world.anotherConsignment("REJECTED", world.today.minusDays(400), "OURS");

        Reason reason = onlyReason(world.consignmentId(), "PAST_HOLDS", 20);
        assertThat(reason.evidence()).singleElement().asString().contains(held).contains("HELD");
        assertThat(reason.reasonZh()).contains("扣留");
        onlyReason(world.importerId(), "PAST_HOLDS", 20);
        assertThat(riskOf(world.producerId()).reasons()).as("the held consignment declared none of the producer's goods").isEmpty();
    }

    @Test
    void a_held_consignment_of_the_producers_goods_counts_for_the_producer_and_its_batches() {
        String held = world.anotherConsignment("REJECTED", world.today.minusDays(5), "OURS");
        world.run("MATCH (c:Consignment {declarationNumber: $held}), (b:Batch {gtin: $gtin, lot: $lot}) CREATE (c)-[:DECLARES {quantity: 0}]->(b)",
                java.util.Map.of("held", held));

        assertThat(onlyReason(world.producerId(), "PAST_HOLDS", 20).evidence()).singleElement().asString().contains(held);
        onlyReason(world.batchId(), "PAST_HOLDS", 20);
    }

    @Test
    void a_failed_inspection_of_the_batch() {
        world.run("""
                MATCH (b:Batch {gtin: $gtin, lot: $lot})
                CREATE (:Inspection {number: 'RISK-FAIL-' + $s, kind: 'PACKAGING_CHECK', result: 'FAIL', findings: 'Dented tins',
                                     performedOn: $today - duration('P15D'), riskWorld: $s})-[:OF]->(b)""");

        Reason reason = onlyReason(world.consignmentId(), "FAILED_INSPECTIONS", 15);
        assertThat(reason.evidence()).singleElement().asString().contains("RISK-FAIL-" + world.suffix).contains("PACKAGING_CHECK");
        onlyReason(world.producerId(), "FAILED_INSPECTIONS", 15);
        onlyReason(world.batchId(), "FAILED_INSPECTIONS", 15);
        assertThat(riskOf(world.importerId()).reasons()).isEmpty();
    }

    @Test
    void a_certificate_close_to_expiry() {
        world.run("MATCH (c:Certificate {number: 'RISK-TRC-' + $s}) SET c.validUntil = $today + duration('P10D')");

        Reason reason = onlyReason(world.consignmentId(), "CERTIFICATE_EXPIRING", 15);
        assertThat(reason.evidence()).singleElement().asString().contains("RISK-TRC-" + world.suffix)
                .contains(world.today.plusDays(10).toString());
        onlyReason(world.batchId(), "CERTIFICATE_EXPIRING", 15);
    }

    @Test
    void a_revoked_certificate() {
        world.run("MATCH (c:Certificate {number: 'RISK-REG-' + $s}) SET c.status = 'REVOKED'");

        assertThat(onlyReason(world.consignmentId(), "CERTIFICATE_REVOKED", 40).evidence()).singleElement().asString()
                .contains("RISK-REG-" + world.suffix);
        onlyReason(world.producerId(), "CERTIFICATE_REVOKED", 40);
    }

    @Test
    void an_old_premises_audit() {
        world.run("MATCH (i:Inspection {number: 'RISK-AUD-' + $s}) SET i.performedOn = $today - duration('P301D')");

        assertThat(onlyReason(world.consignmentId(), "AUDIT_OVERDUE", 15).evidence()).singleElement().asString()
                .contains(world.premisesGln).contains(world.today.minusDays(301).toString());
        onlyReason(world.producerId(), "AUDIT_OVERDUE", 15);
        onlyReason(world.batchId(), "AUDIT_OVERDUE", 15);
    }

    @Test
    void more_declared_than_shipped() {
        world.run("MATCH (:Consignment {declarationNumber: $number})-[d:DECLARES]->() SET d.quantity = 120");

        Reason reason = onlyReason(world.consignmentId(), "QUANTITY_MISMATCH", 30);
        assertThat(reason.evidence()).anySatisfy(e -> assertThat(e).contains("120").contains("100 shipped"));
        onlyReason(world.batchId(), "QUANTITY_MISMATCH", 30);
        onlyReason(world.importerId(), "QUANTITY_MISMATCH", 30);
    }

    @Test
    void more_shipped_than_produced() {
        world.run("MATCH (b:Batch {gtin: $gtin, lot: $lot}) SET b.quantity = 80");

        onlyReason(world.consignmentId(), "QUANTITY_MISMATCH", 30);
        assertThat(onlyReason(world.producerId(), "QUANTITY_MISMATCH", 30).evidence()).singleElement().asString()
                .contains("100 shipped, 80 produced");
    }

    @Test
    void clone_flags_on_the_producers_codes() {
        world.run("""
                MATCH (b:Batch {gtin: $gtin, lot: $lot})
                CREATE (b)-[:HAS_UNIT]->(code:TraceCode {gtin: $gtin, lot: $lot, serial: 'RISKC' + $s,
                                                        path: '/01/' + $gtin + '/10/' + $lot + '/21/RISKC' + $s, status: 'ACTIVE', riskWorld: $s})
                CREATE (:CloneFlag {rule: 'MANY_CLIENTS', reason: 'Many phones', reasonZh: '多部手机', flaggedAt: datetime(), riskWorld: $s})-[:FLAGS]->(code)""");

        assertThat(onlyReason(world.consignmentId(), "CLONE_FLAGS", 25).evidence()).singleElement().asString().contains("/21/RISKC" + world.suffix);
        onlyReason(world.producerId(), "CLONE_FLAGS", 25);
        onlyReason(world.batchId(), "CLONE_FLAGS", 25);
        assertThat(riskOf(world.importerId()).reasons()).isEmpty();
    }

    @Test
    void consumer_complaints_on_the_producers_codes() {
        world.run("""
                MATCH (b:Batch {gtin: $gtin, lot: $lot})
                CREATE (b)-[:HAS_UNIT]->(code:TraceCode {gtin: $gtin, lot: $lot, serial: 'RISKR' + $s,
                                                        path: '/01/' + $gtin + '/10/' + $lot + '/21/RISKR' + $s, status: 'ACTIVE', riskWorld: $s})
                CREATE (:ProblemReport {number: 'PR-RISK-' + $s, codePath: code.path, what: 'Tastes odd', language: 'zh',
                                        reportedAt: datetime(), riskWorld: $s})-[:ABOUT]->(code)""");

        assertThat(onlyReason(world.consignmentId(), "CONSUMER_COMPLAINTS", 10).evidence()).singleElement().asString()
                .contains("PR-RISK-" + world.suffix);
        onlyReason(world.producerId(), "CONSUMER_COMPLAINTS", 10);
    }

    @Test
    void a_new_importer() {
        world.run("MATCH (o:Organization {gln: $importer}) SET o.createdAt = datetime() - duration('P10D')");

        assertThat(onlyReason(world.consignmentId(), "NEW_PARTNER", 10).evidence()).singleElement().asString()
                .contains(world.importerGln);
        onlyReason(world.importerId(), "NEW_PARTNER", 10);
        assertThat(riskOf(world.producerId()).reasons()).isEmpty();
    }

    @Test
    void a_producer_approved_through_the_platform_lately_is_new_and_an_old_one_is_not() {
        world.run("""
                MATCH (o:Organization {gln: $producer})
                CREATE (o)-[:APPLIED]->(:Application {number: 'APP-RISK-' + $s, kind: 'ORGANIZATION_REGISTRATION', status: 'APPROVED',
                                                      submittedAt: datetime() - duration('P40D'), decidedAt: datetime() - duration('P30D'),
                                                      riskWorld: $s})-[:FOR]->(o)""");
        onlyReason(world.producerId(), "NEW_PARTNER", 10);

        world.run("MATCH (a:Application {number: 'APP-RISK-' + $s}) SET a.decidedAt = datetime() - duration('P120D')");
        assertThat(riskOf(world.producerId()).reasons()).isEmpty();
    }

    @Test
    void an_infant_formula_product() {
        world.run("MATCH (p:Product {gtin: $gtin}) SET p.category = 'INFANT_FORMULA'");

        Reason reason = onlyReason(world.consignmentId(), "PRODUCT_CATEGORY", 15);
        assertThat(reason.reason()).contains("INFANT_FORMULA");
        assertThat(reason.reasonZh()).contains("婴儿配方奶粉");
        onlyReason(world.batchId(), "PRODUCT_CATEGORY", 15);
        onlyReason(world.producerId(), "PRODUCT_CATEGORY", 15);
    }

    @Test
    void reasons_add_up_to_the_score() {
        world.run("MATCH (p:Product {gtin: $gtin}) SET p.category = 'INFANT_FORMULA'");
        world.run("MATCH (i:Inspection {number: 'RISK-AUD-' + $s}) SET i.performedOn = $today - duration('P301D')");
        world.run("MATCH (o:Organization {gln: $importer}) SET o.createdAt = datetime()");

        Score score = riskOf(world.consignmentId());
        assertThat(score.rules()).containsExactlyInAnyOrder("PRODUCT_CATEGORY", "AUDIT_OVERDUE", "NEW_PARTNER");
        assertThat(score.score()).isEqualTo(40);
        assertThat(score.level()).isEqualTo("MEDIUM");
    }

    private Reason onlyReason(String subject, String rule, int points) {
        Score score = riskOf(subject);
        assertThat(score.reasons()).as("reasons of " + subject).extracting(Reason::rule).containsExactly(rule);
        Reason reason = score.reasons().getFirst();
        assertThat(reason.points()).isEqualTo(points);
        assertThat(score.score()).isEqualTo(points);
        assertThat(reason.reason()).isNotBlank();
        assertThat(reason.reasonZh()).isNotBlank();
        assertThat(reason.evidence()).isNotEmpty();
        return reason;
    }

    private Score riskOf(String subject) {
        return RiskTestViews.patient(Partners.as(graphQl, auth, "analyst")).document("query($id: ID!) { riskOf(subject: $id) { " + RiskTestViews.SCORE_FIELDS + " } }")
                .variable("id", subject).execute().path("riskOf").entity(Score.class).get();
    }
}
