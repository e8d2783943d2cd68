package io.crosstrace.hub.port;

import java.time.OffsetDateTime;
import java.util.List;

import io.crosstrace.hub.logistics.Consignment;

/**
 * The verdict on a consignment from a sample of its units: the worst of the codes' verdicts.
 *
 * @param verifiedAt when the checks ran; a verification is a read and may be repeated at will
 */
public record PortVerification(Consignment consignment, PortVerdict verdict, OffsetDateTime verifiedAt,
        List<CodeVerification> codes) {
}
