package io.crosstrace.hub.scan;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.crosstrace.hub.code.TraceCode;
import io.crosstrace.hub.epcis.PartnerEvents.PartnerEvent;

/**
 * What every unit of one batch shows alike on its scan page, in one language.
 *
 * @param chain        the chain from the batch to its origin, as read for one of its units; only the batch's part
 *                     (batch, product, premises, producer, certificates, inspections, shipments, consignments, port)
 *                     belongs to the context, never that unit's own fields
 * @param recall       the reason of the batch's active recall, in the page's language
 * @param batchEvents  partners' EPCIS events about the batch itself
 * @param names        names of the organizations the batch's part of the page mentions
 */
record BatchContext(TraceCode chain, Optional<String> recall, List<PartnerEvent> batchEvents, Map<String, String> names) {

    /** What decides a consumer's safety verdict about the batch and may change any moment: read fresh with each unit. */
    record SafetyState(boolean recalled, long revokedCertificates) {
    }

    /** The safety state this context was read with (revoked certificates of the batch and of its premises). */
    SafetyState safety() {
        return new SafetyState(recall.isPresent(), chain == null ? 0 : chain.certificates().stream()
                .filter(c -> "REVOKED".equals(c.status())).count());
    }

    /** The chain of one unit of this batch: the unit's own fields with the batch's part of the chain. */
    TraceCode forUnit(UnitLookup.Unit unit) {
        return new TraceCode(unit.gtin(), unit.lot(), unit.serial(), unit.path(), unit.status(), unit.issuedAt(),
                chain.batch(), chain.product(), chain.premises(), chain.producer(), chain.certificates(),
                chain.inspections(), chain.shipments(), chain.consignments(), chain.arrivalPort());
    }
}
