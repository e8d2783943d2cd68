package io.crosstrace.hub.risk;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A producer or importer created or approved within the window has no record yet. Organizations with neither date
 * (registered before applications existed, like the demo world's) are established, not new.
 */
final class NewPartnerRule implements RiskRule {

    @Override
    public RiskRuleId id() {
        return RiskRuleId.NEW_PARTNER;
    }

    @Override
    public List<RiskReason> evaluate(RiskFacts facts, RiskContext context) {
        long window = context.properties().newPartnerWindow().toDays();
        LocalDate from = context.today().minusDays(window);
        List<RiskFacts.Partner> recent = facts.partners().stream()
                .filter(p -> joined(p) != null && !joined(p).isBefore(from))
                .filter(distinctGln())
                .toList();
        if (recent.isEmpty()) {
            return List.of();
        }
        String names = String.join(", ", recent.stream().map(RiskFacts.Partner::name).toList());
        return reason(context, "New partner(s) within " + window + " days: " + names,
                "新合作方（" + window + "天内加入）：" + String.join("、", recent.stream().map(RiskFacts.Partner::name).toList()),
                recent.stream().map(p -> p.role().charAt(0) + p.role().substring(1).toLowerCase(java.util.Locale.ROOT) + " "
                        + p.name() + " (" + p.gln() + ") joined on " + joined(p)).toList());
    }

    /** The later of creation and approval, as a UTC day. */
    private static LocalDate joined(RiskFacts.Partner partner) {
        return Stream.of(partner.createdAt(), partner.approvedAt()).filter(Objects::nonNull)
                .max(OffsetDateTime::compareTo)
                .map(t -> t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate()).orElse(null);
    }

    private static java.util.function.Predicate<RiskFacts.Partner> distinctGln() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return p -> seen.add(p.gln());
    }
}
