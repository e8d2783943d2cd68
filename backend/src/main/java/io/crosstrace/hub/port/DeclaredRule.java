package io.crosstrace.hub.port;

import static io.crosstrace.hub.port.PortCheck.BATCH_DECLARED;

/** The batch of the unit is a known batch declared in this consignment. */
final class DeclaredRule implements PortRule {

    @Override
    public PortCheck check() {
        return BATCH_DECLARED;
    }

    @Override
    public CheckResult evaluate(Evidence e) {
        CodeFacts f = e.facts();
        if (!f.batchFound()) {
            return CheckResult.fail(BATCH_DECLARED, "No batch " + e.gtin() + "/" + e.lot() + " in the register",
                    "登记中无批次 " + e.gtin() + "/" + e.lot());
        }
        if (f.declared() == null) {
            return CheckResult.fail(BATCH_DECLARED, "Batch " + e.lot() + " is not declared in consignment "
                    + e.declarationNumber() + ": undeclared goods in the consignment",
                    "批次 " + e.lot() + " 未在报关单 " + e.declarationNumber() + " 中申报，货物与申报不符");
        }
        return CheckResult.pass(BATCH_DECLARED, "Batch " + e.lot() + " is declared in consignment " + e.declarationNumber()
                + " (" + f.declared().quantity() + " units)",
                "批次 " + e.lot() + " 已在报关单 " + e.declarationNumber() + " 中申报（" + f.declared().quantity() + " 件）");
    }
}
