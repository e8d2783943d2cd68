package io.crosstrace.hub.port;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the port's green lane ({@code crosstrace.port.*}).
 *
 * @param minShelfLifeDays      fewer days of shelf life left than this fails {@link PortCheck#SHELF_LIFE} (default 90)
 * @param minShelfLifeFraction  when above 0, less than this fraction of the whole shelf life (production to expiry)
 *                              left also fails it, e.g. 0.5 for half (default 0: days only)
 * @param maxAuditAgeDays       a passing premises audit older than this warns in {@link PortCheck#PREMISES_AUDIT}
 *                              (default 365, as long as the audit-to-release workflow accepts one)
 */
@ConfigurationProperties("crosstrace.port")
record PortProperties(
        @DefaultValue("90") int minShelfLifeDays,
        @DefaultValue("0") double minShelfLifeFraction,
        @DefaultValue("365") int maxAuditAgeDays) {

    PortProperties {
        if (minShelfLifeDays < 0) {
            throw new IllegalArgumentException("crosstrace.port.min-shelf-life-days must not be negative");
        }
        if (minShelfLifeFraction < 0 || minShelfLifeFraction >= 1) {
            throw new IllegalArgumentException("crosstrace.port.min-shelf-life-fraction is from 0 (off) to below 1");
        }
        if (maxAuditAgeDays < 1) {
            throw new IllegalArgumentException("crosstrace.port.max-audit-age-days must be positive");
        }
    }

    static PortProperties defaults() {
        return new PortProperties(90, 0, 365);
    }
}
