package io.crosstrace.hub.port;

import java.util.ArrayList;
import java.util.List;

/** The green lane's rules, in the order their checks are reported ({@link PortCheck}'s order). */
final class PortRules {

    static final List<PortRule> ALL = List.of(
            new SignatureRule(),
            new IssuedRule(),
            new ActiveRule(),
            new DeclaredRule(),
            LatestInspectionRule.preShipmentInspection(),
            LatestInspectionRule.labelApproval(),
            LatestInspectionRule.loadingSupervision(),
            new CertificateRule(),
            new PremisesAuditRule(),
            new QuantitiesRule(),
            new DatesRule(),
            new ShelfLifeRule(),
            new RecallRule(),
            new HoldRule(),
            new BlacklistRule(),
            new PartnerEventsRule());

    private PortRules() {
    }

    /** The results of every rule that applies to this evidence, in report order. */
    static List<CheckResult> evaluate(Evidence evidence) {
        List<CheckResult> results = new ArrayList<>(ALL.size());
        for (PortRule rule : ALL) {
            CheckResult result = rule.evaluate(evidence);
            if (result != null) {
                results.add(result);
            }
        }
        return results;
    }

    /** The only result of a code that does not parse. */
    static CheckResult malformed(ScannedCode code) {
        return CheckResult.fail(PortCheck.CODE_FORMAT, "Not a unit code: " + code.problem(),
                "不是有效的单品追溯码（GS1 数字链接须含 GTIN、批号和序列号）");
    }

    static CheckResult wellFormed() {
        return CheckResult.pass(PortCheck.CODE_FORMAT, "A GS1 Digital Link of one unit", "GS1 数字链接单品码格式正确");
    }
}
