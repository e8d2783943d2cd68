package io.crosstrace.hub.risk;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Some products matter more when they go wrong: the most sensitive category involved adds its configured points
 * ({@code crosstrace.risk.category-weights}).
 */
final class ProductCategoryRule implements RiskRule {

    private static final Map<String, String> NAMES_ZH = Map.of(
            "INFANTFORMULA", "婴儿配方奶粉", "FOLLOWONFORMULA", "较大婴儿配方奶粉",
            "TODDLERFORMULA", "幼儿配方奶粉", "MILKPOWDER", "奶粉");

    @Override
    public RiskRuleId id() {
        return RiskRuleId.PRODUCT_CATEGORY;
    }

    @Override
    public List<RiskReason> evaluate(RiskFacts facts, RiskContext context) {
        RiskProperties properties = context.properties();
        return facts.categories().stream()
                .filter(category -> properties.categoryWeight(category) > 0)
                .max(Comparator.comparingInt(properties::categoryWeight).thenComparing(Comparator.reverseOrder()))
                .map(category -> List.of(new RiskReason(id(), properties.categoryWeight(category),
                        "Sensitive product category: " + category,
                        "敏感产品类别：" + NAMES_ZH.getOrDefault(RiskProperties.normalized(category), category),
                        facts.categories().stream().sorted()
                                .map(c -> "Category " + c + ": " + properties.categoryWeight(c) + " points").toList())))
                .orElse(List.of());
    }
}
