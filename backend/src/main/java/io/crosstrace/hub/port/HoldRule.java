package io.crosstrace.hub.port;

import static io.crosstrace.hub.port.PortCheck.HOLD;

import io.crosstrace.hub.port.CodeFacts.Held;

/**
 * No other consignment of the same batch is held or rejected at a port. It warns rather than fails: that decision
 * was about another consignment and may have had reasons of its own (a damaged container, missing papers), but the
 * inspector should read it before releasing this one.
 */
final class HoldRule implements PortRule {

    @Override
    public PortCheck check() {
        return HOLD;
    }

    @Override
    public CheckResult evaluate(Evidence e) {
        if (!e.facts().batchFound()) {
            return null;
        }
        if (e.facts().holds().isEmpty()) {
            return CheckResult.pass(HOLD, "No other consignment of batch " + e.lot() + " is held or rejected",
                    "批次 " + e.lot() + " 的其他报关单无扣留或拒绝入境");
        }
        Held held = e.facts().holds().getFirst();
        boolean rejected = "REJECTED".equals(held.status());
        return CheckResult.warn(HOLD, "Consignment " + held.declarationNumber() + " of the same batch was "
                + (rejected ? "rejected" : "held") + " at the port: review why before releasing this one",
                "同批次的报关单 " + held.declarationNumber() + (rejected ? " 已被拒绝入境" : " 已被扣留") + "，放行前请核查原因");
    }
}
