package io.crosstrace.hub.port;

import static io.crosstrace.hub.port.PortCheck.PARTNER_EVENTS;

import java.util.Optional;

import io.crosstrace.hub.epcis.PartnerEvents.PartnerEvent;

/**
 * What partners captured over EPCIS about the unit or its batch agrees with it arriving for release: nothing put it
 * out of circulation (FAIL: destroyed, stolen, recalled, disposed, expired), and nothing asks for a closer look
 * (WARN: damaged, non-conformant, a mismatch). The hub's own records of workflow steps are judged by the other
 * checks and are not read here.
 */
final class PartnerEventsRule implements PortRule {

    @Override
    public PortCheck check() {
        return PARTNER_EVENTS;
    }

    @Override
    public CheckResult evaluate(Evidence e) {
        if (!e.facts().batchFound()) {
            return null;
        }
        Optional<PartnerEvent> gone = e.partnerEvents().stream().filter(PartnerEvent::gone).findFirst();
        if (gone.isPresent()) {
            return CheckResult.fail(PARTNER_EVENTS, "A partner recorded the unit or batch as " + words(gone.get())
                    + (gone.get().day() == null ? "" : " on " + gone.get().day()) + " (EPCIS event " + gone.get().eventId() + ")",
                    "合作伙伴的 EPCIS 事件记录该单品或批次为“" + words(gone.get()) + "”");
        }
        Optional<PartnerEvent> doubtful = e.partnerEvents().stream().filter(PartnerEvent::doubtful).findFirst();
        if (doubtful.isPresent()) {
            return CheckResult.warn(PARTNER_EVENTS, "A partner recorded the unit or batch as " + words(doubtful.get())
                    + (doubtful.get().day() == null ? "" : " on " + doubtful.get().day()) + ": review before release",
                    "合作伙伴的 EPCIS 事件记录该单品或批次为“" + words(doubtful.get()) + "”，放行前请核查");
        }
        int count = e.partnerEvents().size();
        return CheckResult.pass(PARTNER_EVENTS, count == 0 ? "No partner events about this unit or batch"
                : count + " partner event" + (count == 1 ? "" : "s") + " about this unit or batch, none adverse",
                count == 0 ? "无合作伙伴事件" : count + " 条合作伙伴事件，均无异常");
    }

    private static String words(PartnerEvent event) {
        return event.disposition().replace('_', ' ');
    }
}
