package io.crosstrace.hub.port;

import static io.crosstrace.hub.port.PortCheck.QUANTITIES;

import java.util.Optional;

/**
 * What is declared was loaded and inspected: the declared units of the batch are on the consignment's shipment,
 * no more than it carries, and no more in all over the shipment's consignments; and the passing pre-shipment
 * inspection actually sampled units. A loading supervision that passed confirms the carried quantities; one that
 * failed fails {@link PortCheck#LOADING_SUPERVISION}, not this check.
 */
final class QuantitiesRule implements PortRule {

    @Override
    public PortCheck check() {
        return QUANTITIES;
    }

    @Override
    public CheckResult evaluate(Evidence e) {
        CodeFacts f = e.facts();
        if (f.declared() == null) {
            return null;
        }
        long declared = f.declared().quantity();
        String shipment = e.shipmentNumber() == null ? "(none)" : e.shipmentNumber();
        if (f.carried() == null) {
            return CheckResult.fail(QUANTITIES, "Batch " + e.lot() + " is declared but not loaded on shipment " + shipment,
                    "批次 " + e.lot() + " 已申报，但未装载于运单 " + shipment);
        }
        long carried = f.carried();
        if (declared > carried) {
            return CheckResult.fail(QUANTITIES, declared + " units of batch " + e.lot() + " are declared, but shipment "
                    + shipment + " carries " + carried, "批次 " + e.lot() + " 申报 " + declared + " 件，但运单 " + shipment
                    + " 仅装载 " + carried + " 件");
        }
        if (f.declaredOnShipment() > carried) {
            return CheckResult.fail(QUANTITIES, "The consignments of shipment " + shipment + " declare "
                    + f.declaredOnShipment() + " units of batch " + e.lot() + " in all, more than the " + carried + " loaded",
                    "运单 " + shipment + " 的各报关单共申报批次 " + e.lot() + " " + f.declaredOnShipment() + " 件，超过装载的 "
                            + carried + " 件");
        }
        Optional<InspectionFact> inspected = InspectionFact.latest(f.inspections(), "PRE_SHIPMENT_INSPECTION")
                .filter(InspectionFact::passed);
        if (inspected.isPresent() && (inspected.get().sampledQuantity() == null || inspected.get().sampledQuantity() <= 0)) {
            return CheckResult.warn(QUANTITIES, "Pre-shipment inspection " + inspected.get().number()
                    + " states no sampled quantity: review the inspection report",
                    "装运前检验 " + inspected.get().number() + " 未注明抽样数量，请核查检验报告");
        }
        String sampled = inspected.map(i -> ", " + i.sampledQuantity() + " sampled before shipment").orElse("");
        String sampledZh = inspected.map(i -> "，装运前抽样 " + i.sampledQuantity() + " 件").orElse("");
        return CheckResult.pass(QUANTITIES, declared + " units declared of " + carried + " loaded" + sampled,
                "申报 " + declared + " 件，装载 " + carried + " 件" + sampledZh);
    }
}
