package io.crosstrace.hub.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The scorer on facts made by hand: sums, caps, levels, the blacklist's override, and weights from configuration. */
class RiskScorerTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 30, 8, 0, 0, 0, ZoneOffset.UTC);
    private static final LocalDate TODAY = NOW.toLocalDate();

    @Test
    void no_facts_score_zero_and_low() {
        RiskScore score = score(RiskProperties.defaults(), RiskFacts.NONE);

        assertThat(score.score()).isZero();
        assertThat(score.level()).isEqualTo(RiskLevel.LOW);
        assertThat(score.reasons()).isEmpty();
    }

    @Test
    void points_add_up_and_reasons_are_listed_largest_first() {
        RiskFacts facts = facts(hold(), category("INFANT_FORMULA"));

        RiskScore score = score(RiskProperties.defaults(), facts);

        assertThat(score.reasons()).extracting(RiskReason::rule).containsExactly(RiskRuleId.PAST_HOLDS, RiskRuleId.PRODUCT_CATEGORY);
        assertThat(score.reasons()).extracting(RiskReason::points).containsExactly(20, 15);
        assertThat(score.score()).isEqualTo(35);
        assertThat(score.level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(score.reasons()).allSatisfy(r -> {
            assertThat(r.reason()).isNotBlank();
            assertThat(r.reasonZh()).isNotBlank();
            assertThat(r.evidence()).isNotEmpty();
        });
    }

    @Test
    void the_sum_is_capped_at_100() {
        RiskFacts facts = new RiskFacts(List.of(), List.of(new RiskFacts.Hold("H1", "HELD", TODAY.minusDays(3))),
                List.of(new RiskFacts.FailedInspection("I1", "PRE_SHIPMENT_INSPECTION", TODAY.minusDays(9), "Batch x", null)),
                List.of(new RiskFacts.CertificateFact("C1", "TRACEABILITY", "REVOKED", TODAY.plusDays(100), "Batch x")),
                List.of(new RiskFacts.PremisesAudits("P", "Plant", List.of())),
                List.of(new RiskFacts.DeclaredItem("D1", "b", 10, null, 10)), List.of(), List.of(), List.of(), List.of(), List.of(),
                Set.of("INFANT_FORMULA"));

        RiskScore score = score(RiskProperties.defaults(), facts);

        assertThat(score.reasons().stream().mapToInt(RiskReason::points).sum()).isEqualTo(20 + 15 + 40 + 15 + 30 + 15);
        assertThat(score.score()).isEqualTo(100);
        assertThat(score.level()).isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void a_blacklisting_forces_100_and_high_even_where_nothing_else_is_found() {
        RiskFacts facts = facts(new RiskFacts.Blocked("bl-1", "PREMISES", "9350000000001", "Plant", "Counterfeit labels"));

        RiskScore score = score(RiskProperties.defaults(), facts);

        assertThat(score.score()).isEqualTo(100);
        assertThat(score.level()).isEqualTo(RiskLevel.HIGH);
        assertThat(score.reasons()).singleElement().satisfies(r -> {
            assertThat(r.rule()).isEqualTo(RiskRuleId.BLACKLISTED);
            assertThat(r.reason()).contains("premises Plant");
            assertThat(r.reasonZh()).contains("黑名单");
            assertThat(r.evidence()).singleElement().asString().contains("bl-1").contains("Counterfeit labels");
        });
    }

    @Test
    void weights_and_thresholds_come_from_configuration() {
        RiskProperties configured = bind(Map.of(
                "crosstrace.risk.weights.past-holds", "50",
                "crosstrace.risk.category-weights.infant-formula", "5",
                "crosstrace.risk.category-weights.[MILK_POWDER]", "7",
                "crosstrace.risk.high-from", "50"));
        RiskFacts facts = facts(hold(), category("INFANT_FORMULA"));

        RiskScore score = score(configured, facts);

        assertThat(score.reasons()).extracting(RiskReason::points).containsExactly(50, 5);
        assertThat(score.score()).isEqualTo(55);
        assertThat(score.level()).isEqualTo(RiskLevel.HIGH);
        assertThat(configured.categoryWeight("MILK_POWDER")).isEqualTo(7);
        assertThat(configured.categoryWeight("FOLLOW_ON_FORMULA")).as("defaults stay for categories not configured").isEqualTo(10);
        assertThat(score(RiskProperties.defaults(), facts).score()).isEqualTo(35);
    }

    @Test
    void a_rule_with_weight_zero_is_off() {
        RiskProperties configured = bind(Map.of("crosstrace.risk.weights.past-holds", "0"));

        assertThat(score(configured, facts(hold())).reasons()).isEmpty();
    }

    @Test
    void defaults_bind_as_documented() {
        RiskProperties bound = bind(Map.of());

        assertThat(bound.weights()).isEqualTo(RiskProperties.Weights.DEFAULTS);
        assertThat(bound).isEqualTo(RiskProperties.defaults());
        assertThat(bound.lookback()).isEqualTo(Duration.ofDays(365));
        assertThat(bound.certificateExpiryWindow()).isEqualTo(Duration.ofDays(30));
        assertThat(bound.auditMaxAge()).isEqualTo(Duration.ofDays(300));
        assertThat(bound.newPartnerWindow()).isEqualTo(Duration.ofDays(90));
        assertThat(bound.levelOf(29)).isEqualTo(RiskLevel.LOW);
        assertThat(bound.levelOf(30)).isEqualTo(RiskLevel.MEDIUM);
        assertThat(bound.levelOf(59)).isEqualTo(RiskLevel.MEDIUM);
        assertThat(bound.levelOf(60)).isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void inconsistent_configuration_is_refused() {
        assertThatThrownBy(() -> bind(Map.of("crosstrace.risk.medium-from", "70"))).hasRootCauseInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> bind(Map.of("crosstrace.risk.weights.clone-flags", "101"))).hasRootCauseInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> bind(Map.of("crosstrace.risk.lookback", "0d"))).hasRootCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void certificates_expiring_count_only_when_no_valid_one_lasts_longer() {
        RiskFacts renewed = facts(new RiskFacts.CertificateFact("OLD", "PREMISES_REGISTRATION", "VALID", TODAY.plusDays(10), "Premises p"),
                new RiskFacts.CertificateFact("NEW", "PREMISES_REGISTRATION", "VALID", TODAY.plusDays(800), "Premises p"));
        RiskFacts expired = facts(new RiskFacts.CertificateFact("GONE", "TRACEABILITY", "VALID", TODAY.minusDays(1), "Batch b"));

        assertThat(score(RiskProperties.defaults(), renewed).reasons()).isEmpty();
        assertThat(score(RiskProperties.defaults(), expired).reasons()).singleElement().satisfies(r -> {
            assertThat(r.rule()).isEqualTo(RiskRuleId.CERTIFICATE_EXPIRING);
            assertThat(r.evidence()).singleElement().asString().contains("GONE").contains("expired on");
        });
    }

    @Test
    void a_failed_verification_of_a_held_consignment_counts_once_as_a_hold() {
        RiskFacts facts = new RiskFacts(List.of(), List.of(new RiskFacts.Hold("H1", "REJECTED", TODAY.minusDays(30))),
                List.of(new RiskFacts.FailedInspection("PV1", "PORT_VERIFICATION", TODAY.minusDays(28), "Consignment H1", "H1"),
                        new RiskFacts.FailedInspection("PV2", "PORT_VERIFICATION", TODAY.minusDays(8), "Consignment R2", "R2")),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), Set.of());

        RiskScore score = score(RiskProperties.defaults(), facts);

        assertThat(score.reasons()).extracting(RiskReason::rule).containsExactly(RiskRuleId.PAST_HOLDS, RiskRuleId.FAILED_INSPECTIONS);
        assertThat(score.reasons().get(1).evidence()).singleElement().asString().contains("PV2");
    }

    @Test
    void partners_without_dates_are_not_new() {
        RiskFacts facts = facts(new RiskFacts.Partner("1", "Old hand", "IMPORTER", null, null),
                new RiskFacts.Partner("2", "Newcomer", "PRODUCER", null, NOW.minusDays(20)),
                new RiskFacts.Partner("3", "Long ago", "PRODUCER", NOW.minusDays(400), null));

        assertThat(score(RiskProperties.defaults(), facts).reasons()).singleElement().satisfies(r -> {
            assertThat(r.rule()).isEqualTo(RiskRuleId.NEW_PARTNER);
            assertThat(r.reason()).contains("Newcomer").doesNotContain("Old hand").doesNotContain("Long ago");
        });
    }

    private static RiskScore score(RiskProperties properties, RiskFacts facts) {
        return new RiskScorer(properties).score("id", Set.of(RiskSubjectKind.CONSIGNMENT), facts, NOW);
    }

    private static RiskProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("crosstrace.risk", RiskProperties.class);
    }

    private static RiskFacts.Hold hold() {
        return new RiskFacts.Hold("351900000000000001", "HELD", TODAY.minusDays(40));
    }

    private static String category(String category) {
        return category;
    }

    /** Facts holding just these items, each in its list. */
    private static RiskFacts facts(Object... items) {
        RiskFacts f = RiskFacts.NONE;
        List<RiskFacts.Blocked> blocked = new java.util.ArrayList<>();
        List<RiskFacts.Hold> holds = new java.util.ArrayList<>();
        List<RiskFacts.CertificateFact> certificates = new java.util.ArrayList<>();
        List<RiskFacts.Partner> partners = new java.util.ArrayList<>();
        Set<String> categories = new java.util.HashSet<>();
        for (Object item : items) {
            switch (item) {
                case RiskFacts.Blocked b -> blocked.add(b);
                case RiskFacts.Hold h -> holds.add(h);
                case RiskFacts.CertificateFact c -> certificates.add(c);
                case RiskFacts.Partner p -> partners.add(p);
                case String c -> categories.add(c);
                default -> throw new IllegalArgumentException(String.valueOf(item));
            }
        }
        return new RiskFacts(blocked, holds, f.failedInspections(), certificates, f.audits(), f.declaredItems(),
                f.batchTotals(), f.cloneFlags(), f.complaints(), f.partnerEvents(), partners, categories);
    }
}
