package io.crosstrace.hub.port;

import static io.crosstrace.hub.port.PortCheck.RECALL;

import io.crosstrace.hub.port.CodeFacts.Recall;

/** No active recall covers the batch ({@code (:Recall)-[:RECALLS]->(:Batch)}, read as the scan page reads it). */
final class RecallRule implements PortRule {

    @Override
    public PortCheck check() {
        return RECALL;
    }

    @Override
    public CheckResult evaluate(Evidence e) {
        if (!e.facts().batchFound()) {
            return null;
        }
        if (e.facts().recalls().isEmpty()) {
            return CheckResult.pass(RECALL, "No active recall of batch " + e.lot(), "批次 " + e.lot() + " 无召回");
        }
        Recall recall = e.facts().recalls().getFirst();
        String reason = recall.reason() == null ? "" : ": " + recall.reason();
        String zh = recall.reasonZh() != null ? recall.reasonZh() : recall.reason();
        String reasonZh = zh == null ? "" : "：" + zh;
        String number = recall.number() == null ? "" : " (" + recall.number() + ")";
        String numberZh = recall.number() == null ? "" : "（" + recall.number() + "）";
        return CheckResult.fail(RECALL, "Batch " + e.lot() + " is recalled" + number + reason,
                "批次 " + e.lot() + " 已被召回" + numberZh + reasonZh);
    }
}
