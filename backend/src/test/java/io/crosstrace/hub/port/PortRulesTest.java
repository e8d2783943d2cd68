package io.crosstrace.hub.port;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.crosstrace.hub.certificate.CertificateSignatures.Check;
import io.crosstrace.hub.code.SignatureCheck;
import io.crosstrace.hub.logistics.Consignment;

/** The rules on hand-made evidence, without a database: boundaries and choices the integration test does not reach. */
class PortRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    static final String PATH = "/01/09506000134376/10/LOT1/21/S1";

    @Test
    void a_code_is_read_from_a_uri_a_path_or_a_hand_typed_path_with_its_signature() {
        ScannedCode uri = ScannedCode.parse(0, "https://id.example.com" + PATH + "?8030=k1_abc&x=1#frag");
        ScannedCode typed = ScannedCode.parse(1, " 01/09506000134376/10/LOT1/21/S1 ");
        ScannedCode lotOnly = ScannedCode.parse(2, "/01/09506000134376/10/LOT1");
        ScannedCode badGtin = ScannedCode.parse(3, "/01/09506000134377/10/LOT1/21/S1");

        assertThat(uri.link().path()).isEqualTo(PATH);
        assertThat(uri.signature()).isEqualTo("k1_abc");
        assertThat(typed.link().path()).isEqualTo(PATH);
        assertThat(typed.signature()).isNull();
        assertThat(lotOnly.wellFormed()).isFalse();
        assertThat(lotOnly.problem()).contains("no single unit");
        assertThat(badGtin.wellFormed()).isFalse();
        assertThat(PortRules.malformed(badGtin).status()).isEqualTo(CheckStatus.FAIL);
    }

    @Test
    void shelf_life_limits_in_days_and_as_a_fraction() {
        CodeFacts facts = facts(TODAY.minusDays(400), TODAY.plusDays(90), List.of(), List.of());
        assertThat(new ShelfLifeRule().evaluate(evidence(facts, PortProperties.defaults())).status()).isEqualTo(CheckStatus.PASS);
        assertThat(new ShelfLifeRule().evaluate(evidence(facts(TODAY.minusDays(400), TODAY.plusDays(89), List.of(), List.of()),
                PortProperties.defaults())).status()).isEqualTo(CheckStatus.FAIL);
        // 90 of 490 days left is 18%: below a third.
        CheckResult fraction = new ShelfLifeRule().evaluate(evidence(facts, new PortProperties(90, 1.0 / 3, 365)));
        assertThat(fraction.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(fraction.reason()).contains("18% of the shelf life left", "33%");
    }

    @Test
    void a_premises_audit_is_recent_enough_up_to_the_limit_inclusive() {
        PortProperties limits = new PortProperties(90, 0, 365);
        assertThat(audit(TODAY.minusDays(365), limits).status()).isEqualTo(CheckStatus.PASS);
        assertThat(audit(TODAY.minusDays(366), limits).status()).isEqualTo(CheckStatus.WARN);
    }

    @Test
    void the_latest_inspection_decides_by_day_then_number() {
        List<InspectionFact> inspections = List.of(
                new InspectionFact("INS-1", "PRE_SHIPMENT_INSPECTION", "FAIL", TODAY.minusDays(5), 6L),
                new InspectionFact("INS-3", "PRE_SHIPMENT_INSPECTION", "PASS", TODAY.minusDays(2), 6L),
                new InspectionFact("INS-2", "PRE_SHIPMENT_INSPECTION", "FAIL", TODAY.minusDays(2), 6L));
        CodeFacts facts = facts(TODAY.minusDays(30), TODAY.plusDays(400), inspections, List.of());

        CheckResult result = LatestInspectionRule.preShipmentInspection().evaluate(evidence(facts, PortProperties.defaults()));

        assertThat(result.status()).isEqualTo(CheckStatus.PASS);
        assertThat(result.reason()).contains("INS-3");
    }

    @Test
    void a_valid_verified_certificate_outweighs_an_older_revoked_one() {
        CertificateFact revoked = certificate("C-OLD", "REVOKED", TODAY.minusDays(400), TODAY.plusDays(10));
        CertificateFact valid = certificate("C-NEW", "VALID", TODAY.minusDays(10), TODAY.plusDays(300));
        CodeFacts facts = facts(TODAY.minusDays(30), TODAY.plusDays(400), List.of(), List.of(revoked, valid));

        CheckResult result = new CertificateRule().evaluate(new Evidence(code(), SignatureCheck.VALID, facts, consignment(),
                Map.of("C-NEW", Check.VERIFIED), TODAY, PortProperties.defaults(), List.of()));

        assertThat(result.status()).isEqualTo(CheckStatus.PASS);
        assertThat(result.reason()).contains("C-NEW");
    }

    @Test
    void the_worst_status_is_the_verdict() {
        List<CheckResult> results = new ArrayList<>(List.of(CheckResult.pass(PortCheck.RECALL, "a", "a")));
        assertThat(PortVerdict.worstOf(results)).isEqualTo(PortVerdict.GREEN);
        results.add(CheckResult.warn(PortCheck.HOLD, "b", "b"));
        assertThat(PortVerdict.worstOf(results)).isEqualTo(PortVerdict.AMBER);
        results.add(CheckResult.fail(PortCheck.BLACKLIST, "c", "c"));
        assertThat(PortVerdict.worstOf(results)).isEqualTo(PortVerdict.RED);
    }

    private static CheckResult audit(LocalDate performedOn, PortProperties limits) {
        CodeFacts facts = new CodeFacts(true, true, "ACTIVE", null, 0, true, TODAY.minusDays(30), TODAY.plusDays(400), null,
                null, 0, List.of(), List.of(), "Plant",
                List.of(new InspectionFact("AUD-1", "PREMISES_AUDIT", "PASS", performedOn, null)), "Producer", List.of(),
                List.of(), List.of());
        return new PremisesAuditRule().evaluate(evidence(facts, limits));
    }

    private static CodeFacts facts(LocalDate produced, LocalDate expires, List<InspectionFact> inspections,
                                   List<CertificateFact> certificates) {
        return new CodeFacts(true, true, "ACTIVE", null, 0, true, produced, expires, null, null, 0, inspections, certificates,
                "Plant", List.of(), "Producer", List.of(), List.of(), List.of());
    }

    private static CertificateFact certificate(String number, String status, LocalDate from, LocalDate until) {
        return new CertificateFact(number, status, from, until, null, "Issuer",
                new CertificateFact.SignedContent(number, "TRACEABILITY", "9999999999994", from, until, from, List.of(),
                        "sig", "k1", "k1", "key"));
    }

    private static Evidence evidence(CodeFacts facts, PortProperties limits) {
        return new Evidence(code(), SignatureCheck.VALID, facts, consignment(), Map.of(), TODAY, limits, List.of());
    }

    private static ScannedCode code() {
        return ScannedCode.parse(0, PATH);
    }

    private static ConsignmentFacts consignment() {
        return new ConsignmentFacts(new Consignment("3519TEST", "ARRIVED", TODAY, null, "imp", "port", "SHP-1"), "Importer",
                List.of(), List.of());
    }
}
