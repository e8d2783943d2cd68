package io.crosstrace.hub.port;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.crosstrace.hub.certificate.CertificateSignatures;
import io.crosstrace.hub.code.SignatureCheck;
import io.crosstrace.hub.epcis.PartnerEvents.PartnerEvent;

/**
 * Everything a rule may look at for one well-formed code: the code, its signature check, the facts read from the
 * graph, the consignment, the certificates' signature checks (by number), the day, the limits, and what partners
 * captured over EPCIS about the unit or its batch. Rules are pure
 * functions of this, so they are tested without a database.
 */
record Evidence(ScannedCode code, SignatureCheck signature, CodeFacts facts, ConsignmentFacts consignment,
        Map<String, CertificateSignatures.Check> certificateChecks, LocalDate today, PortProperties limits,
        List<PartnerEvent> partnerEvents) {

    String lot() {
        return code.link().lot().value();
    }

    String gtin() {
        return code.link().gtin().value();
    }

    String declarationNumber() {
        return consignment.consignment().declarationNumber();
    }

    String shipmentNumber() {
        return consignment.consignment().shipmentNumber();
    }
}
