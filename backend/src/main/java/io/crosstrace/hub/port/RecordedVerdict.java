package io.crosstrace.hub.port;

import java.time.OffsetDateTime;

/**
 * The latest verdict recorded on a consignment: from the last verification run through
 * {@link PortVerdictRecords#verifyAndRecord} (the workspace's scan-to-verify, or a decision taken on sampled codes).
 *
 * @param verdict    GREEN, AMBER or RED for the sample as a whole
 * @param verifiedAt when that verification ran
 * @param codes      how many codes the sample had
 */
public record RecordedVerdict(PortVerdict verdict, OffsetDateTime verifiedAt, int codes) {
}
