package io.crosstrace.hub.port;

import java.util.List;

import io.crosstrace.hub.logistics.Consignment;

/**
 * What the verification read found about the consignment itself.
 *
 * @param supervisions          loading supervisions of its shipment
 * @param importerBlacklistings active blacklistings of its importer
 */
record ConsignmentFacts(Consignment consignment, String importerName, List<InspectionFact> supervisions,
        List<BlacklistFact> importerBlacklistings) {
}
