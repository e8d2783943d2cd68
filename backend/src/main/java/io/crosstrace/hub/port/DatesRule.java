package io.crosstrace.hub.port;

import static io.crosstrace.hub.port.PortCheck.DATES;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The production and expiry dates stated in the declaration ({@code DECLARES.productionDate}, {@code .expiryDate},
 * both optional) are the batch's. A date that differs contradicts the label; a date not stated leaves the
 * documents to be reviewed.
 */
final class DatesRule implements PortRule {

    @Override
    public PortCheck check() {
        return DATES;
    }

    @Override
    public CheckResult evaluate(Evidence e) {
        CodeFacts f = e.facts();
        if (f.declared() == null) {
            return null;
        }
        List<String> differ = new ArrayList<>();
        List<String> differZh = new ArrayList<>();
        compare("production date", "生产日期", f.declared().productionDate(), f.productionDate(), differ, differZh);
        compare("expiry date", "保质期", f.declared().expiryDate(), f.expiryDate(), differ, differZh);
        if (!differ.isEmpty()) {
            return CheckResult.fail(DATES, String.join("; ", differ), String.join("；", differZh));
        }
        if (f.declared().productionDate() == null || f.declared().expiryDate() == null) {
            return CheckResult.warn(DATES, "The declaration does not state the production and expiry dates of batch "
                    + e.lot() + ": review the documents", "报关单未注明批次 " + e.lot() + " 的生产日期和保质期，请核查单证");
        }
        if (f.productionDate() == null || f.expiryDate() == null) {
            return CheckResult.warn(DATES, "Batch " + e.lot() + " has no production or expiry date on record to compare",
                    "批次 " + e.lot() + " 无生产日期或保质期记录，无法比对");
        }
        return CheckResult.pass(DATES, "Declared dates match the batch: produced " + f.productionDate() + ", expires "
                + f.expiryDate(), "申报日期与批次一致：生产日期 " + f.productionDate() + "，保质期至 " + f.expiryDate());
    }

    private static void compare(String name, String nameZh, LocalDate declared, LocalDate recorded, List<String> differ,
                                List<String> differZh) {
        if (declared != null && recorded != null && !Objects.equals(declared, recorded)) {
            differ.add("Declared " + name + " " + declared + " differs from the batch's " + recorded);
            differZh.add("申报的" + nameZh + " " + declared + " 与批次记录 " + recorded + " 不符");
        }
    }
}
