package io.crosstrace.hub.risk;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Quantities that do not add up: a declared batch its shipment does not carry, more declared on a shipment than it
 * carried, more of a batch shipped than was produced, or more declared than shipped. The workflow refuses these, so
 * they point at data from elsewhere or at goods that are not what the papers say.
 */
final class QuantityMismatchRule implements RiskRule {

    @Override
    public RiskRuleId id() {
        return RiskRuleId.QUANTITY_MISMATCH;
    }

    @Override
    public List<RiskReason> evaluate(RiskFacts facts, RiskContext context) {
        Set<String> evidence = new LinkedHashSet<>();
        for (RiskFacts.DeclaredItem item : facts.declaredItems()) {
            if (item.shippedOnShipment() == null) {
                evidence.add("Consignment " + item.consignment() + " declares batch " + item.batch() + ", which its shipment does not carry");
            } else if (item.declaredOnShipment() > item.shippedOnShipment()) {
                evidence.add("Consignment " + item.consignment() + ": batch " + item.batch() + " declared " + item.declaredOnShipment()
                        + " on its shipment, " + item.shippedOnShipment() + " shipped");
            }
        }
        for (RiskFacts.BatchTotals batch : facts.batchTotals()) {
            if (batch.produced() != null && batch.shipped() > batch.produced()) {
                evidence.add("Batch " + batch.batch() + ": " + batch.shipped() + " shipped, " + batch.produced() + " produced");
            }
            if (batch.declared() > batch.shipped()) {
                evidence.add("Batch " + batch.batch() + ": " + batch.declared() + " declared, " + batch.shipped() + " shipped");
            }
        }
        if (evidence.isEmpty()) {
            return List.of();
        }
        return reason(context, "Quantities do not add up (" + evidence.size() + " finding(s))",
                "申报、装运与生产数量不符（" + evidence.size() + "处）", List.copyOf(evidence));
    }
}
