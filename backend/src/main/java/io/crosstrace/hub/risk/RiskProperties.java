package io.crosstrace.hub.risk;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Weights, windows and level thresholds of the risk rules ({@code crosstrace.risk.*}). A rule with weight 0 is off.
 * The blacklist is not weighted: a blacklisted party always makes the score 100 (HIGH).
 *
 * @param weights                 points per rule, {@code crosstrace.risk.weights.*}
 * @param categoryWeights         points per product category, {@code crosstrace.risk.category-weights.infant-formula=15};
 *                                configured entries replace the defaults ({@link #DEFAULT_CATEGORY_WEIGHTS}) one by
 *                                one; unlisted categories score 0. Keys match case- and punctuation-blind
 * @param mediumFrom              lowest MEDIUM score (default 30)
 * @param highFrom                lowest HIGH score (default 60)
 * @param lookback                how far back holds, failed inspections, clone flags and complaints count (default 365d)
 * @param certificateExpiryWindow a certificate expiring within this counts (default 30d)
 * @param auditMaxAge             premises whose last passed audit is older than this count (default 300d)
 * @param newPartnerWindow        an organization created or approved within this is new (default 90d); one with
 *                                neither date recorded (e.g. the demo world's) is not new
 */
@ConfigurationProperties("crosstrace.risk")
public record RiskProperties(
        @DefaultValue Weights weights,
        Map<String, Integer> categoryWeights,
        @DefaultValue("30") int mediumFrom,
        @DefaultValue("60") int highFrom,
        @DefaultValue("365d") Duration lookback,
        @DefaultValue("30d") Duration certificateExpiryWindow,
        @DefaultValue("300d") Duration auditMaxAge,
        @DefaultValue("90d") Duration newPartnerWindow) {

    /** Infant formula is the most sensitive (the article's product); plain milk powder adds nothing. */
    public static final Map<String, Integer> DEFAULT_CATEGORY_WEIGHTS = Map.of(
            "INFANT_FORMULA", 15, "FOLLOW_ON_FORMULA", 10, "TODDLER_FORMULA", 5, "MILK_POWDER", 0);

    public RiskProperties {
        if (mediumFrom < 1 || highFrom < mediumFrom || highFrom > 100) {
            throw new IllegalArgumentException("crosstrace.risk: need 1 <= medium-from <= high-from <= 100");
        }
        for (Duration window : new Duration[] {lookback, certificateExpiryWindow, auditMaxAge, newPartnerWindow}) {
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("crosstrace.risk: windows are positive");
            }
        }
        Map<String, Integer> merged = new LinkedHashMap<>();
        DEFAULT_CATEGORY_WEIGHTS.forEach((category, points) -> merged.put(normalized(category), points));
        if (categoryWeights != null) {
            categoryWeights.forEach((category, points) -> merged.put(normalized(category), requirePoints(points, category)));
        }
        categoryWeights = Map.copyOf(merged);
    }

    /** The defaults, as documented. */
    public static RiskProperties defaults() {
        return new RiskProperties(Weights.DEFAULTS, Map.of(), 30, 60, Duration.ofDays(365), Duration.ofDays(30),
                Duration.ofDays(300), Duration.ofDays(90));
    }

    /** Points a rule adds; for the category rule, the most any category adds. */
    public int weight(RiskRuleId rule) {
        return rule == RiskRuleId.PRODUCT_CATEGORY
                ? categoryWeights.values().stream().mapToInt(Integer::intValue).max().orElse(0)
                : weights.of(rule);
    }

    /** Points of a product category; 0 for unknown or missing categories. */
    public int categoryWeight(String category) {
        return category == null ? 0 : categoryWeights.getOrDefault(normalized(category), 0);
    }

    public RiskLevel levelOf(int score) {
        return score >= highFrom ? RiskLevel.HIGH : score >= mediumFrom ? RiskLevel.MEDIUM : RiskLevel.LOW;
    }

    /**
     * Property binding drops underscores from map keys and environment variables lower-case them, so
     * {@code INFANT_FORMULA}, {@code infant-formula} and {@code infantformula} must name the same category.
     */
    static String normalized(String category) {
        return category.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }

    private static int requirePoints(Integer points, String name) {
        if (points == null || points < 0 || points > 100) {
            throw new IllegalArgumentException("crosstrace.risk: points are 0 to 100 (" + name + ")");
        }
        return points;
    }

    /** Points each rule adds when it fires ({@code crosstrace.risk.weights.*}); 0 turns a rule off. */
    public record Weights(
            @DefaultValue("20") int pastHolds,
            @DefaultValue("15") int failedInspections,
            @DefaultValue("15") int certificateExpiring,
            @DefaultValue("40") int certificateRevoked,
            @DefaultValue("15") int auditOverdue,
            @DefaultValue("30") int quantityMismatch,
            @DefaultValue("25") int cloneFlags,
            @DefaultValue("10") int consumerComplaints,
            @DefaultValue("10") int newPartner,
            @DefaultValue("20") int partnerEvents) {

        public static final Weights DEFAULTS = new Weights(20, 15, 15, 40, 15, 30, 25, 10, 10, 20);

        public Weights {
            for (int points : new int[] {pastHolds, failedInspections, certificateExpiring, certificateRevoked,
                    auditOverdue, quantityMismatch, cloneFlags, consumerComplaints, newPartner, partnerEvents}) {
                requirePoints(points, "weights");
            }
        }

        /** The blacklist forces 100; the category rule has weights per category instead. */
        int of(RiskRuleId rule) {
            return switch (rule) {
                case BLACKLISTED -> 100;
                case PAST_HOLDS -> pastHolds;
                case FAILED_INSPECTIONS -> failedInspections;
                case CERTIFICATE_EXPIRING -> certificateExpiring;
                case CERTIFICATE_REVOKED -> certificateRevoked;
                case AUDIT_OVERDUE -> auditOverdue;
                case QUANTITY_MISMATCH -> quantityMismatch;
                case CLONE_FLAGS -> cloneFlags;
                case CONSUMER_COMPLAINTS -> consumerComplaints;
                case PARTNER_EVENTS -> partnerEvents;
                case NEW_PARTNER -> newPartner;
                case PRODUCT_CATEGORY -> 0;
            };
        }
    }
}
