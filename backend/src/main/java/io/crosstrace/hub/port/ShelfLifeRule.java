package io.crosstrace.hub.port;

import static io.crosstrace.hub.port.PortCheck.SHELF_LIFE;

import java.time.temporal.ChronoUnit;

/**
 * Enough shelf life remains: at least {@code min-shelf-life-days}, and, when configured, at least that fraction of
 * the batch's whole shelf life. Too little fails: no document makes a short-dated unit releasable.
 */
final class ShelfLifeRule implements PortRule {

    @Override
    public PortCheck check() {
        return SHELF_LIFE;
    }

    @Override
    public CheckResult evaluate(Evidence e) {
        CodeFacts f = e.facts();
        if (!f.batchFound()) {
            return null;
        }
        if (f.expiryDate() == null) {
            return CheckResult.warn(SHELF_LIFE, "Batch " + e.lot() + " has no expiry date on record: read it from the label",
                    "批次 " + e.lot() + " 无保质期记录，请以标签为准核查");
        }
        long left = ChronoUnit.DAYS.between(e.today(), f.expiryDate());
        if (left < 0) {
            return CheckResult.fail(SHELF_LIFE, "Batch " + e.lot() + " expired on " + f.expiryDate(),
                    "批次 " + e.lot() + " 已于 " + f.expiryDate() + " 过期");
        }
        int minDays = e.limits().minShelfLifeDays();
        if (left < minDays) {
            return CheckResult.fail(SHELF_LIFE, left + " days of shelf life left (until " + f.expiryDate()
                    + "); at least " + minDays + " are required", "剩余保质期 " + left + " 天（至 " + f.expiryDate()
                    + "），低于要求的 " + minDays + " 天");
        }
        double minFraction = e.limits().minShelfLifeFraction();
        if (minFraction > 0 && f.productionDate() != null && f.productionDate().isBefore(f.expiryDate())) {
            long whole = ChronoUnit.DAYS.between(f.productionDate(), f.expiryDate());
            double fraction = (double) left / whole;
            if (fraction < minFraction) {
                return CheckResult.fail(SHELF_LIFE, Math.round(fraction * 100) + "% of the shelf life left (until "
                        + f.expiryDate() + "); at least " + Math.round(minFraction * 100) + "% is required",
                        "剩余保质期为总保质期的 " + Math.round(fraction * 100) + "%（至 " + f.expiryDate() + "），低于要求的 "
                                + Math.round(minFraction * 100) + "%");
            }
        }
        return CheckResult.pass(SHELF_LIFE, left + " days of shelf life left (until " + f.expiryDate() + ")",
                "剩余保质期 " + left + " 天（至 " + f.expiryDate() + "）");
    }
}
