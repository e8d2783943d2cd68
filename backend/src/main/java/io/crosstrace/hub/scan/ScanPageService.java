package io.crosstrace.hub.scan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.crosstrace.gs1.DigitalLink;
import io.crosstrace.hub.audit.Inspection;
import io.crosstrace.hub.audit.InspectionService;
import io.crosstrace.hub.batch.Batch;
import io.crosstrace.hub.batch.BatchService;
import io.crosstrace.hub.certificate.Certificate;
import io.crosstrace.hub.certificate.CertificateService;
import io.crosstrace.hub.code.CodeSigner;
import io.crosstrace.hub.code.SignatureCheck;
import io.crosstrace.hub.code.TraceCode;
import io.crosstrace.hub.code.TraceCodeService;
import io.crosstrace.hub.epcis.PartnerEvents;
import io.crosstrace.hub.epcis.PartnerEvents.PartnerEvent;
import io.crosstrace.hub.logistics.Consignment;
import io.crosstrace.hub.logistics.Location;
import io.crosstrace.hub.logistics.LogisticsService;
import io.crosstrace.hub.logistics.Shipment;
import io.crosstrace.hub.registry.Organization;
import io.crosstrace.hub.registry.Premises;
import io.crosstrace.hub.registry.Product;
import io.crosstrace.hub.registry.RegistryService;
import io.crosstrace.hub.scan.activity.ScanInsights;

/**
 * Gathers what the scan page shows for a resolved key: the public projection only (no prices, contacts
 * or documents). The unit level, the consumer's hot path, reads its chain in one statement.
 */
@Service
@Transactional(readOnly = true)
class ScanPageService {

    /** Kept for a code whose batch the chain cannot reach, so that the page answers "not registered". */
    private static final BatchContext NO_CHAIN = new BatchContext(null, Optional.empty(), List.of(), Map.of());

    private final TraceCodeService codes;
    private final BatchService batches;
    private final RegistryService registry;
    private final CertificateService certificates;
    private final InspectionService inspections;
    private final LogisticsService logistics;
    private final RecallCheck recalls;
    private final CodeSigner signer;
    private final PartnerEvents partnerEvents;
    private final UnitLookup units;
    private final BatchContextCache contextCache;
    private final Clock clock;

    ScanPageService(TraceCodeService codes, BatchService batches, RegistryService registry,
            CertificateService certificates, InspectionService inspections, LogisticsService logistics,
            RecallCheck recalls, CodeSigner signer, PartnerEvents partnerEvents, UnitLookup units,
            BatchContextCache contextCache) {
        this.codes = codes;
        this.batches = batches;
        this.registry = registry;
        this.certificates = certificates;
        this.inspections = inspections;
        this.logistics = logistics;
        this.recalls = recalls;
        this.signer = signer;
        this.partnerEvents = partnerEvents;
        this.units = units;
        this.contextCache = contextCache;
        this.clock = Clock.systemDefaultZone();
    }

    /** The page for a key, or empty when the hub never issued or registered it. */
    Optional<ScanView> view(ResolvableKey key, String signatureValue, boolean chinese) {
        return switch (key) {
            case ResolvableKey.TradeItem item when item.link().isUnitLevel() -> unit(item.link(), signatureValue, chinese);
            case ResolvableKey.TradeItem item when item.link().lot() != null -> batch(item.link(), chinese);
            case ResolvableKey.TradeItem item -> product(item.link());
            case ResolvableKey.Location location -> premises(location);
        };
    }

    /**
     * A unit's page: the unit itself is read every time (its status, scans and clone flags change), the batch's part
     * comes from {@link BatchContextCache}.
     */
    private Optional<ScanView> unit(DigitalLink link, String signatureValue, boolean chinese) {
        Optional<UnitLookup.Unit> foundUnit = units.unit(link.path());
        if (foundUnit.isEmpty()) {
            return Optional.empty();
        }
        UnitLookup.Unit unit = foundUnit.get();
        Optional<BatchContext> context = batchContext(link, chinese, unit.batchSafety());
        if (context.isEmpty()) {
            return Optional.empty();
        }
        TraceCode code = context.get().forUnit(unit);
        ScanView.SignatureStatus signature = switch (signer.verify(link, signatureValue)) {
            case VALID -> ScanView.SignatureStatus.VALID;
            case ABSENT -> ScanView.SignatureStatus.ABSENT;
            case INVALID, UNKNOWN_KEY -> ScanView.SignatureStatus.INVALID;
        };
        ScanInsights insights = unit.insights();
        List<String> warnings = new ArrayList<>();
        Verdict verdict = signature == ScanView.SignatureStatus.INVALID ? Verdict.NOT_GENUINE
                : registeredVerdict(code, insights, context.get().recall(), chinese, warnings);
        // Events about this very unit are rare and never kept in memory: with them, the unit's events are read whole.
        List<PartnerEvent> captured = unit.observedByPartners()
                ? partnerEvents.about(link.gtin().value(), link.lot().value(), link.serial().value())
                : context.get().batchEvents();
        Map<String, String> names = unit.observedByPartners()
                ? names(code.certificates(), code.inspections(), code.shipments(), captured)
                : context.get().names();
        List<JourneyStep> journey = withPartnerEvents(journey(code.inspections(), code.shipments(), code.consignments(),
                code.arrivalPort()), captured, chinese);
        return Optional.of(new ScanView(code.path(), ScanView.Level.UNIT, verdict, warnings, code.product(), code.batch(),
                code.premises(), code.producer(), code.certificates(), journey, code.serial(), signature,
                insights.scanCount(), names, today()));
    }

    /** What every unit of the link's batch shows alike, read through the link's own chain when not in memory. */
    private Optional<BatchContext> batchContext(DigitalLink link, boolean chinese, BatchContext.SafetyState safety) {
        String gtin = link.gtin().value();
        String lot = link.lot().value();
        BatchContext context = contextCache.get(gtin, lot, chinese, safety, () -> codes.traceCode(link).map(chain -> {
            List<PartnerEvent> batchEvents = partnerEvents.about(gtin, lot, null);
            return new BatchContext(chain, recalls.reasonFor(chain.batch(), chinese), batchEvents,
                    names(chain.certificates(), chain.inspections(), chain.shipments(), batchEvents));
        }).orElse(NO_CHAIN));
        return context == NO_CHAIN ? Optional.empty() : Optional.of(context);
    }

    /**
     * The verdict of a registered unit, signature aside: RECALLED, WARNING (clone flags, expired,
     * revoked certificate) or GENUINE; the reasons are added to {@code warnings}.
     */
    Verdict registeredVerdict(TraceCode code, ScanInsights insights, boolean chinese, List<String> warnings) {
        return registeredVerdict(code, insights, recalls.reasonFor(code.batch(), chinese), chinese, warnings);
    }

    private Verdict registeredVerdict(TraceCode code, ScanInsights insights, Optional<String> recall, boolean chinese,
            List<String> warnings) {
        insights.flags().forEach(flag -> warnings.add(chinese && flag.reasonZh() != null ? flag.reasonZh() : flag.reason()));
        recall.ifPresent(warnings::addFirst);
        return recall.isPresent() ? Verdict.RECALLED : verdictFromCondition(code.batch(), code.certificates(), warnings);
    }

    private Optional<ScanView> batch(DigitalLink link, boolean chinese) {
        Optional<Batch> found = batches.batch(link.gtin(), link.lot());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Batch batch = found.get();
        List<String> key = List.of(batch.key());
        List<Certificate> certs = new ArrayList<>(certificates.certificatesOfBatches(key).getOrDefault(batch.key(), List.of()));
        List<Inspection> checks = new ArrayList<>(inspections.inspectionsOfBatches(key).getOrDefault(batch.key(), List.of()));
        Premises premises = batch.premisesGln() == null ? null
                : registry.premisesByGln(List.of(batch.premisesGln())).get(batch.premisesGln());
        if (premises != null) {
            certs.addAll(certificates.certificatesOfPremises(List.of(premises.gln())).getOrDefault(premises.gln(), List.of()));
            checks.addAll(inspections.inspectionsOfPremises(List.of(premises.gln())).getOrDefault(premises.gln(), List.of()));
        }
        List<Shipment> shipments = logistics.shipmentsOfBatches(key).getOrDefault(batch.key(), List.of());
        List<Consignment> consignments = logistics.consignmentsOfBatches(key).getOrDefault(batch.key(), List.of());
        Location port = consignments.stream().map(Consignment::arrivalPortGln).filter(java.util.Objects::nonNull).findFirst()
                .map(gln -> logistics.locationsByGln(List.of(gln)).get(gln)).orElse(null);
        List<PartnerEvent> captured = partnerEvents.about(batch.gtin(), batch.lot(), null);
        List<String> warnings = new ArrayList<>();
        Optional<String> recall = recalls.reasonFor(batch, chinese);
        recall.ifPresent(warnings::add);
        Verdict verdict = recall.isPresent() ? Verdict.RECALLED : verdictFromCondition(batch, certs, warnings);
        return Optional.of(new ScanView(batch.key(), ScanView.Level.BATCH, verdict, warnings,
                registry.product(link.gtin()).orElse(null), batch, premises, producerOf(premises), certs,
                withPartnerEvents(journey(checks, shipments, consignments, port), captured, chinese), null, null, null,
                names(certs, checks, shipments, captured), today()));
    }

    private Optional<ScanView> product(DigitalLink link) {
        return registry.product(link.gtin()).map(product -> new ScanView(link.path(), ScanView.Level.PRODUCT,
                Verdict.GENUINE, List.of(), product, null, null,
                product.ownerGln() == null ? null : registry.organizationsByGln(List.of(product.ownerGln())).get(product.ownerGln()),
                List.of(), List.of(), null, null, null, Map.of(), today()));
    }

    private Optional<ScanView> premises(ResolvableKey.Location location) {
        return registry.premises(location.gln()).map(premises -> {
            List<Certificate> certs = certificates.certificatesOfPremises(List.of(premises.gln())).getOrDefault(premises.gln(), List.of());
            List<Inspection> audits = inspections.inspectionsOfPremises(List.of(premises.gln())).getOrDefault(premises.gln(), List.of());
            return new ScanView(location.path(), ScanView.Level.PREMISES, Verdict.GENUINE, List.of(), null, null,
                    premises, producerOf(premises), certs, journey(audits, List.of(), List.of(), null), null, null, null,
                    names(certs, audits, List.of(), List.of()), today());
        });
    }

    /** Warnings that do not make a code fake but deserve the consumer's attention. */
    private Verdict verdictFromCondition(Batch batch, List<Certificate> certs, List<String> warnings) {
        if (batch.expiryDate() != null && batch.expiryDate().isBefore(today())) {
            warnings.add("EXPIRED_PRODUCT");
        }
        if (certs.stream().anyMatch(c -> "TRACEABILITY".equals(c.kind()) && "REVOKED".equals(c.status()))) {
            warnings.add("CERTIFICATE_REVOKED");
        }
        return warnings.isEmpty() ? Verdict.GENUINE : Verdict.WARNING;
    }

    private static List<JourneyStep> journey(List<Inspection> inspections, List<Shipment> shipments,
            List<Consignment> consignments, Location port) {
        List<JourneyStep> steps = new ArrayList<>();
        for (Inspection inspection : inspections) {
            steps.add(new JourneyStep(inspection.kind(), inspection.performedOn(), inspection.performerGln(),
                    "PASS".equals(inspection.result()), inspection.findings()));
        }
        for (Shipment shipment : shipments) {
            if (shipment.departedOn() != null) {
                steps.add(new JourneyStep("DEPARTURE", shipment.departedOn(), shipment.carrierGln(), null,
                        shipment.vessel() == null ? null : shipment.vessel() + " " + nullToEmpty(shipment.voyage())));
            }
            if (shipment.arrivedOn() != null) {
                steps.add(new JourneyStep("ARRIVAL", shipment.arrivedOn(), null, null, port == null ? null : port.name()));
            }
        }
        for (Consignment consignment : consignments) {
            if (consignment.releasedOn() != null) {
                steps.add(new JourneyStep("RELEASE", consignment.releasedOn(), null, true,
                        port == null ? null : port.name()));
            }
        }
        steps.sort(Comparator.comparing(JourneyStep::date, Comparator.nullsLast(Comparator.naturalOrder())));
        return steps;
    }

    /**
     * What partners captured over EPCIS about the unit or its batch (a distributor's receipt, a warehouse's storing),
     * as steps of the journey: the step's words as captured, the place when the hub knows it, who recorded it. A
     * disposition that signals trouble (damaged, destroyed, stolen…) shows as a failed step.
     */
    private static List<JourneyStep> withPartnerEvents(List<JourneyStep> steps, List<PartnerEvent> captured, boolean chinese) {
        if (captured.isEmpty()) {
            return steps;
        }
        List<JourneyStep> all = new ArrayList<>(steps);
        for (PartnerEvent event : captured) {
            String words = event.bizStep() == null ? "" : event.bizStep().replace('_', ' ');
            String place = chinese && event.placeZh() != null ? event.placeZh() : event.place();
            String disposition = event.disposition() == null ? "" : " (" + event.disposition().replace('_', ' ') + ")";
            all.add(new JourneyStep("PARTNER_EVENT", event.day(), event.organization(),
                    event.gone() || event.doubtful() ? Boolean.FALSE : null,
                    words + disposition + (place == null ? "" : " · " + place)));
        }
        all.sort(Comparator.comparing(JourneyStep::date, Comparator.nullsLast(Comparator.naturalOrder())));
        return all;
    }

    /** Names of the organizations the page mentions, looked up once. */
    private Map<String, String> names(List<Certificate> certs, List<Inspection> checks, List<Shipment> shipments,
            List<PartnerEvent> captured) {
        Set<String> glns = new HashSet<>();
        captured.forEach(e -> addIfPresent(glns, e.organization()));
        certs.forEach(c -> addIfPresent(glns, c.issuerGln()));
        checks.forEach(i -> addIfPresent(glns, i.performerGln()));
        shipments.forEach(s -> addIfPresent(glns, s.carrierGln()));
        Map<String, String> names = new LinkedHashMap<>();
        if (!glns.isEmpty()) {
            registry.organizationsByGln(glns).forEach((gln, org) -> names.put(gln, org.name()));
        }
        return names;
    }

    /** The issuer's name for a certificate page. */
    String issuerName(Certificate certificate) {
        Organization issuer = certificate.issuerGln() == null ? null
                : registry.organizationsByGln(List.of(certificate.issuerGln())).get(certificate.issuerGln());
        return issuer == null ? null : issuer.name();
    }

    private Organization producerOf(Premises premises) {
        return premises == null || premises.operatorGln() == null ? null
                : registry.organizationsByGln(List.of(premises.operatorGln())).get(premises.operatorGln());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static void addIfPresent(Set<String> set, String value) {
        if (value != null) {
            set.add(value);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
