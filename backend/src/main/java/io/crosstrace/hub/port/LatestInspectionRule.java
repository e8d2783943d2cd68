package io.crosstrace.hub.port;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The latest inspection of one kind decides: failed is FAIL; none is FAIL or WARN depending on how central the
 * inspection is to the green lane. The pre-shipment inspection is what the port relies on instead of opening the
 * goods, so without it there is nothing to release on; a label approval or loading supervision may exist on paper
 * outside the hub, so without one the documents are reviewed.
 */
final class LatestInspectionRule implements PortRule {

    private final PortCheck check;
    private final String kind;
    private final CheckStatus whenMissing;
    private final String name;
    private final String nameZh;
    private final Function<Evidence, List<InspectionFact>> candidates;

    private LatestInspectionRule(PortCheck check, String kind, CheckStatus whenMissing, String name, String nameZh,
                                 Function<Evidence, List<InspectionFact>> candidates) {
        this.check = check;
        this.kind = kind;
        this.whenMissing = whenMissing;
        this.name = name;
        this.nameZh = nameZh;
        this.candidates = candidates;
    }

    static LatestInspectionRule preShipmentInspection() {
        return new LatestInspectionRule(PortCheck.PRE_SHIPMENT_INSPECTION, "PRE_SHIPMENT_INSPECTION", CheckStatus.FAIL,
                "pre-shipment inspection", "装运前检验", e -> e.facts().inspections());
    }

    static LatestInspectionRule labelApproval() {
        return new LatestInspectionRule(PortCheck.LABEL_APPROVAL, "LABEL_APPROVAL", CheckStatus.WARN,
                "label approval", "标签审核", e -> e.facts().inspections());
    }

    /** Supervised either as the consignment's shipment (how the workflow records it) or per batch (older records). */
    static LatestInspectionRule loadingSupervision() {
        return new LatestInspectionRule(PortCheck.LOADING_SUPERVISION, "LOADING_SUPERVISION", CheckStatus.WARN,
                "loading supervision", "监装", e -> {
                    List<InspectionFact> all = new ArrayList<>(e.consignment().supervisions());
                    all.addAll(e.facts().inspections());
                    return all;
                });
    }

    @Override
    public PortCheck check() {
        return check;
    }

    @Override
    public CheckResult evaluate(Evidence e) {
        if (!e.facts().batchFound()) {
            return null;
        }
        Optional<InspectionFact> latest = InspectionFact.latest(candidates.apply(e), kind);
        if (latest.isEmpty()) {
            String en = "No " + name + " of batch " + e.lot() + " on record"
                    + (whenMissing == CheckStatus.WARN ? ": review the documents" : "");
            String zh = "批次 " + e.lot() + " 无" + nameZh + "记录" + (whenMissing == CheckStatus.WARN ? "，请核查单证" : "");
            return new CheckResult(check, whenMissing, en, zh);
        }
        InspectionFact i = latest.get();
        if (!i.passed()) {
            return CheckResult.fail(check, "The latest " + name + " (" + i.number() + ", " + i.performedOn() + ") failed",
                    "最近一次" + nameZh + "（" + i.number() + "，" + i.performedOn() + "）不合格");
        }
        return CheckResult.pass(check, capitalized(name) + " " + i.number() + " passed on " + i.performedOn(),
                nameZh + " " + i.number() + " 于 " + i.performedOn() + " 合格");
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
