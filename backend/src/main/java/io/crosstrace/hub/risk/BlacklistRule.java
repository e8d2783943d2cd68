package io.crosstrace.hub.risk;

import java.util.List;

/**
 * A party or premises involved is on the blacklist: the score becomes 100 whatever else is found
 * ({@link RiskScorer}), so blocked goods are never waved through on a good record elsewhere.
 */
final class BlacklistRule implements RiskRule {

    @Override
    public RiskRuleId id() {
        return RiskRuleId.BLACKLISTED;
    }

    @Override
    public List<RiskReason> evaluate(RiskFacts facts, RiskContext context) {
        if (facts.blacklisted().isEmpty()) {
            return List.of();
        }
        List<String> en = facts.blacklisted().stream().map(b -> roleEn(b.role()) + " " + b.name()).distinct().toList();
        List<String> zh = facts.blacklisted().stream().map(b -> roleZh(b.role()) + b.name()).distinct().toList();
        List<String> evidence = facts.blacklisted().stream()
                .map(b -> (b.id() == null ? "" : "Blacklisting " + b.id() + ": ") + roleEn(b.role()) + " " + b.name()
                        + " (" + b.gln() + "): " + b.reason())
                .toList();
        return reason(context, "On the blacklist: " + String.join(", ", en), "列入黑名单：" + String.join("、", zh), evidence);
    }

    private static String roleEn(String role) {
        return switch (role) {
            case "PRODUCER" -> "producer";
            case "PREMISES" -> "premises";
            case "IMPORTER" -> "importer";
            case "SHIPPER" -> "exporter or carrier";
            default -> "organization";
        };
    }

    private static String roleZh(String role) {
        return switch (role) {
            case "PRODUCER" -> "生产商";
            case "PREMISES" -> "生产场所";
            case "IMPORTER" -> "进口商";
            case "SHIPPER" -> "出口商或承运人";
            default -> "企业";
        };
    }
}
