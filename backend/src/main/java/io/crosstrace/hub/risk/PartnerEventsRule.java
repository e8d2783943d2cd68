package io.crosstrace.hub.risk;

import java.util.List;

/**
 * Partners reported the producer's goods damaged, non-conformant, destroyed, stolen or otherwise in trouble in EPCIS
 * events they captured lately: something happens to these goods on their way that the hub's own steps do not show.
 */
final class PartnerEventsRule implements RiskRule {

    @Override
    public RiskRuleId id() {
        return RiskRuleId.PARTNER_EVENTS;
    }

    @Override
    public List<RiskReason> evaluate(RiskFacts facts, RiskContext context) {
        long events = facts.partnerEvents().stream().mapToLong(RiskFacts.CodeSignals::count).sum();
        if (events == 0) {
            return List.of();
        }
        return reason(context,
                events + " EPCIS event(s) captured by partners in the last " + context.lookbackDays()
                        + " days report the producer's goods damaged, non-conformant or out of circulation",
                "过去" + context.lookbackDays() + "天内，合作伙伴采集的" + events + "条 EPCIS 事件报告该生产商的货物受损、不合格或已退出流通",
                facts.partnerEvents().stream().flatMap(s -> s.sample().stream()).map(sample -> "EPCIS event " + sample).toList());
    }
}
