package io.crosstrace.hub.risk;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * The risk of one consignment, batch or organization, computed when read.
 *
 * @param subject    global ID of what was scored
 * @param scoredAs   CONSIGNMENT, BATCH, or PRODUCER and/or IMPORTER for an organization
 * @param score      0 to 100: the sum of the reasons' points, capped; 100 when blacklisted
 * @param level      the score's band
 * @param reasons    every contribution, largest first
 * @param computedAt when it was computed
 */
public record RiskScore(String subject, Set<RiskSubjectKind> scoredAs, int score, RiskLevel level,
        List<RiskReason> reasons, OffsetDateTime computedAt) {

    public boolean atLeast(RiskLevel minimum) {
        return minimum == null || level.compareTo(minimum) >= 0;
    }
}
