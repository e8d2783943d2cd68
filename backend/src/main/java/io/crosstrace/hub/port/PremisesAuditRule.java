package io.crosstrace.hub.port;

import static io.crosstrace.hub.port.PortCheck.PREMISES_AUDIT;

import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The premises that made the batch passed their latest audit, recently enough. A stale audit warns rather than
 * fails: the batch was made under it, and a renewal may be on paper; a failed or absent one contradicts the chain.
 */
final class PremisesAuditRule implements PortRule {

    @Override
    public PortCheck check() {
        return PREMISES_AUDIT;
    }

    @Override
    public CheckResult evaluate(Evidence e) {
        CodeFacts f = e.facts();
        if (!f.batchFound()) {
            return null;
        }
        if (f.premisesName() == null) {
            return CheckResult.fail(PREMISES_AUDIT, "Batch " + e.lot() + " has no premises on record",
                    "批次 " + e.lot() + " 无生产工厂记录");
        }
        String premises = f.premisesName();
        String premisesZh = f.premisesName();
        Optional<InspectionFact> latest = InspectionFact.latest(f.audits(), "PREMISES_AUDIT");
        if (latest.isEmpty()) {
            return CheckResult.fail(PREMISES_AUDIT, "No premises audit of " + premises + " on record",
                    premisesZh + " 无工厂审核记录");
        }
        InspectionFact audit = latest.get();
        if (!audit.passed()) {
            return CheckResult.fail(PREMISES_AUDIT, "The latest audit of " + premises + " (" + audit.number() + ", "
                    + audit.performedOn() + ") failed", premisesZh + " 最近一次审核（" + audit.number() + "，"
                    + audit.performedOn() + "）不合格");
        }
        long age = audit.performedOn() == null ? Long.MAX_VALUE : ChronoUnit.DAYS.between(audit.performedOn(), e.today());
        if (age > e.limits().maxAuditAgeDays()) {
            return CheckResult.warn(PREMISES_AUDIT, "The latest audit of " + premises + " (" + audit.number() + ") is "
                    + (audit.performedOn() == null ? "undated" : age + " days old") + "; at most "
                    + e.limits().maxAuditAgeDays() + " are accepted: review the audit records",
                    premisesZh + " 最近一次审核（" + audit.number() + "）" + (audit.performedOn() == null ? "无日期" : "已过去 " + age + " 天")
                            + "，超过 " + e.limits().maxAuditAgeDays() + " 天的期限，请核查审核记录");
        }
        return CheckResult.pass(PREMISES_AUDIT, "Premises audit " + audit.number() + " of " + premises + " passed on "
                + audit.performedOn(), premisesZh + " 的工厂审核 " + audit.number() + " 于 " + audit.performedOn() + " 合格");
    }
}
