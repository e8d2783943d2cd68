package io.crosstrace.hub.risk;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Turns facts into a score: every rule with a non-zero weight runs, the points add up to at most 100, and a
 * blacklisting makes it 100 and HIGH whatever the rest says.
 */
public final class RiskScorer {

    /** All rules, in the order their reasons are listed when points tie. */
    public static final List<RiskRule> RULES = List.of(new BlacklistRule(), new PastHoldsRule(), new FailedInspectionsRule(),
            new CertificateExpiryRule(), new CertificateRevokedRule(), new AuditOverdueRule(), new QuantityMismatchRule(),
            new CloneFlagsRule(), new ConsumerComplaintsRule(), new PartnerEventsRule(), new NewPartnerRule(), new ProductCategoryRule());

    private final RiskProperties properties;

    public RiskScorer(RiskProperties properties) {
        this.properties = properties;
    }

    public RiskScore score(String subjectId, Set<RiskSubjectKind> scoredAs, RiskFacts facts, OffsetDateTime now) {
        RiskContext context = new RiskContext(properties, now.toLocalDate());
        List<RiskReason> reasons = new ArrayList<>();
        for (RiskRule rule : RULES) {
            if (properties.weight(rule.id()) > 0) {
                rule.evaluate(facts, context).stream().filter(r -> r.points() > 0).forEach(reasons::add);
            }
        }
        reasons.sort(Comparator.comparingInt(RiskReason::points).reversed().thenComparing(RiskReason::rule));
        boolean blacklisted = reasons.stream().anyMatch(r -> r.rule() == RiskRuleId.BLACKLISTED);
        int score = blacklisted ? 100 : Math.min(100, reasons.stream().mapToInt(RiskReason::points).sum());
        RiskLevel level = blacklisted ? RiskLevel.HIGH : properties.levelOf(score);
        return new RiskScore(subjectId, scoredAs, score, level, List.copyOf(reasons), now);
    }
}
