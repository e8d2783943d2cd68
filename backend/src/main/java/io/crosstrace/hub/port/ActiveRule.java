package io.crosstrace.hub.port;

import static io.crosstrace.hub.port.PortCheck.CODE_ACTIVE;

/** The unit code is active and consumer scans have not flagged it as a probable clone. */
final class ActiveRule implements PortRule {

    @Override
    public PortCheck check() {
        return CODE_ACTIVE;
    }

    @Override
    public CheckResult evaluate(Evidence e) {
        CodeFacts f = e.facts();
        if (!f.codeFound()) {
            return null;
        }
        if (!"ACTIVE".equals(f.codeStatus())) {
            return CheckResult.fail(CODE_ACTIVE, "The code's status is " + f.codeStatus() + ", not ACTIVE",
                    "追溯码状态为 " + f.codeStatus() + "，不是有效状态");
        }
        if (f.cloneFlags() > 0) {
            // Scans elsewhere before the goods are even released: the label may have been copied.
            return CheckResult.warn(CODE_ACTIVE, "Consumer scans flagged this code as a probable clone ("
                    + f.cloneFlags() + " flag(s)): compare the label with the others",
                    "消费者扫码记录显示此码疑似被复制（" + f.cloneFlags() + " 条标记），请与其他标签比对");
        }
        return CheckResult.pass(CODE_ACTIVE, "Active, not flagged", "追溯码有效，无异常标记");
    }
}
