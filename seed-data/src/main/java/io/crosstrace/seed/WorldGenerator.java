package io.crosstrace.seed;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import io.crosstrace.gs1.Gln;
import io.crosstrace.gs1.LotNumber;

/**
 * Builds a world from its spec. The timeline is planned backwards from the reference date: shipments are
 * scheduled first, batches are produced some weeks before the shipment that carries them, and the status of
 * each consignment follows from where its shipment is on the reference date. Every draw comes from one
 * seeded generator, taken in a fixed order, so a spec always gives the same world.
 */
final class WorldGenerator {

    /** The world's "today". Fixed, so that a world does not change with the day it is generated. */
    static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 11, 15);

    private static final DateTimeFormatter LOT_MONTH = DateTimeFormatter.ofPattern("yyMM");
    private static final List<String> CONTAINER_OWNERS = List.of("TGHU", "SLCU", "AHXU", "CMRU");
    private static final List<String> VESSELS = List.of("Coral Meridian", "Tasman Trader", "Strait Harmony",
            "Southern Lantern");

    private final WorldSpec spec;
    private final SplittableRandom random;
    private final LocalDate today = REFERENCE_DATE;

    WorldGenerator(WorldSpec spec) {
        this.spec = spec;
        this.random = new SplittableRandom(spec.randomSeed());
    }

    World generate() {
        List<Leg> legs = scheduleLegs();
        List<PlannedBatch> plan = planBatches(legs);
        List<Batch> batches = lotsAndQuantities(plan);
        List<Shipment> shipments = shipments(legs, plan);
        List<Consignment> consignments = consignments(legs, plan, shipments);
        List<Certificate> certificates = certificates(batches, consignments);
        List<Inspection> inspections = inspections(plan, legs, consignments, shipments);
        return new World(spec, today, Cast.ORGANIZATIONS, Cast.LOCATIONS, Cast.PREMISES, Cast.PRODUCTS, batches,
                certificates, inspections, shipments, consignments);
    }

    /** A voyage: when it left and arrived (null while at sea), from where, shipped by whom. */
    private record Leg(int index, LocalDate departedOn, LocalDate arrivedOn, Location from, Organization shipper) {
    }

    /** A batch while its place in the world is decided; {@code leg} is -1 for a batch not shipped yet. */
    private static final class PlannedBatch {
        final Product product;
        final Premises premises;
        final LocalDate producedOn;
        final int leg;
        Batch batch;

        PlannedBatch(Product product, Premises premises, LocalDate producedOn, int leg) {
            this.product = product;
            this.premises = premises;
            this.producedOn = producedOn;
            this.leg = leg;
        }
    }

    /**
     * The last shipments are still at sea, the two newest arrived ones are just in and under inspection,
     * the older ones are spread over the fourteen months before.
     */
    private List<Leg> scheduleLegs() {
        int count = spec.shipments();
        int atSea = count >= 3 ? Math.max(1, (int) Math.round(count * 0.2)) : 0;
        int arrived = count - atSea;
        int older = Math.max(0, arrived - 2);
        List<Leg> legs = new ArrayList<>(count);
        for (int k = 0; k < arrived; k++) {
            int fromNewest = arrived - 1 - k;
            LocalDate arrival = switch (fromNewest) {
                case 0 -> today.minusDays(1);
                case 1 -> today.minusDays(4);
                default -> today.minusDays(420 - Math.round(k * 400.0 / Math.max(1, older - 1))
                        + random.nextInt(3));
            };
            LocalDate departure = arrival.minusDays(13 + random.nextInt(8));
            legs.add(new Leg(k, departure, arrival, portFor(k), shipperFor(k)));
        }
        for (int m = 0; m < atSea; m++) {
            int j = arrived + m;
            long daysAgo = atSea == 1 ? 2 : 12 - Math.round(m * 10.0 / (atSea - 1));
            legs.add(new Leg(j, today.minusDays(daysAgo), null, portFor(j), shipperFor(j)));
        }
        return legs;
    }

    /** Two thirds of the sailings leave Melbourne, one third Sydney. */
    private static Location portFor(int leg) {
        return leg % 3 == 2 ? Cast.PORT_OF_SYDNEY : Cast.PORT_OF_MELBOURNE;
    }

    private static Organization shipperFor(int leg) {
        return leg % 3 == 1 ? Cast.LOGISTICS_ORG : Cast.EXPORTER_ORG;
    }

    private List<PlannedBatch> planBatches(List<Leg> legs) {
        int unshipped = spec.unshippedBatches();
        int shipped = spec.batches() - unshipped;
        Map<Location, List<Product>> productsByPort = new HashMap<>();
        for (Product product : Cast.PRODUCTS) {
            productsByPort.computeIfAbsent(Cast.portOfLoading(product), p -> new ArrayList<>()).add(product);
        }
        Map<Location, Integer> nextProduct = new HashMap<>();
        List<PlannedBatch> plan = new ArrayList<>(spec.batches());
        for (Leg leg : legs) {
            int onBoard = shipped / legs.size() + (leg.index() < shipped % legs.size() ? 1 : 0);
            List<Product> candidates = productsByPort.get(leg.from());
            for (int i = 0; i < onBoard; i++) {
                int next = nextProduct.merge(leg.from(), 1, Integer::sum) - 1;
                Product product = candidates.get(next % candidates.size());
                LocalDate produced = leg.departedOn().minusDays(20 + random.nextInt(41));
                plan.add(new PlannedBatch(product, pickPremises(product), produced, leg.index()));
            }
        }
        for (int i = 0; i < unshipped; i++) {
            Product product = Cast.PRODUCTS.get(i % Cast.PRODUCTS.size());
            // Late enough not to be on any ship yet, early enough for its first checks to be done.
            LocalDate produced = today.minusDays(6 + random.nextInt(35));
            plan.add(new PlannedBatch(product, pickPremises(product), produced, -1));
        }
        plan.sort(Comparator.comparing((PlannedBatch b) -> b.producedOn)
                .thenComparing(b -> b.product.gtin().value())
                .thenComparing(b -> b.premises.gln().value())
                .thenComparingInt(b -> b.leg));
        return plan;
    }

    private Premises pickPremises(Product product) {
        List<Premises> sites = Cast.premisesOf(product.owner());
        return sites.get(random.nextInt(sites.size()));
    }

    /**
     * Lots read {@code L{yyMM}{line}{nn}}: production month, the producer's line (A for its first site, B
     * for its second) and a sequence per product and month, which alone keeps lots unique per GTIN.
     * Unit codes are spread unevenly (each batch at least one) and add up to exactly the spec's count.
     */
    private List<Batch> lotsAndQuantities(List<PlannedBatch> plan) {
        long total = spec.unitCodes();
        int count = plan.size();
        double[] weights = new double[count];
        double weightSum = 0;
        for (int i = 0; i < count; i++) {
            weights[i] = 0.6 + 0.8 * random.nextDouble();
            weightSum += weights[i];
        }
        long[] quantities = new long[count];
        long assigned = 0;
        for (int i = 0; i < count; i++) {
            quantities[i] = 1 + (long) Math.floor((total - count) * weights[i] / weightSum);
            assigned += quantities[i];
        }
        for (int i = 0; assigned < total; i = (i + 1) % count) {
            quantities[i]++;
            assigned++;
        }

        Map<String, Integer> sequence = new HashMap<>();
        List<Batch> batches = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            PlannedBatch planned = plan.get(i);
            String month = planned.producedOn.format(LOT_MONTH);
            int seq = sequence.merge(planned.product.gtin().value() + month, 1, Integer::sum);
            char line = (char) ('A' + Cast.premisesOf(planned.product.owner()).indexOf(planned.premises));
            LotNumber lot = new LotNumber("L" + month + line + String.format("%02d", seq));
            LocalDate expiry = planned.producedOn.plusMonths(18 + random.nextInt(7));
            planned.batch = new Batch(planned.product.gtin(), lot, planned.producedOn, expiry, quantities[i],
                    planned.premises.gln());
            batches.add(planned.batch);
        }
        return batches;
    }

    private List<Shipment> shipments(List<Leg> legs, List<PlannedBatch> plan) {
        List<Shipment> shipments = new ArrayList<>(legs.size());
        for (Leg leg : legs) {
            List<BatchQuantity> carries = onLeg(plan, leg).stream()
                    .map(b -> new BatchQuantity(b.batch.ref(), b.batch.quantity()))
                    .toList();
            int year = leg.departedOn().getYear();
            String container = ContainerNumber.of(CONTAINER_OWNERS.get(random.nextInt(CONTAINER_OWNERS.size())),
                    random.nextInt(1_000_000));
            String seal = "AU" + String.format("%07d", random.nextInt(10_000_000));
            String billOfLading = "CMRL" + leg.departedOn().format(LOT_MONTH)
                    + String.format("%06d", random.nextInt(1_000_000));
            String vessel = VESSELS.get(random.nextInt(VESSELS.size()));
            String voyage = String.format("%03dN", 100 + random.nextInt(800));
            shipments.add(new Shipment("SHP-" + year + "-" + String.format("%04d", leg.index() + 1), container, seal,
                    billOfLading, vessel, voyage, TransportMode.SEA, leg.departedOn(), leg.arrivedOn(),
                    leg.shipper().gln(), leg.from().gln(), Cast.PINGTAN_PORT.gln(), carries));
        }
        return shipments;
    }

    private static List<PlannedBatch> onLeg(List<PlannedBatch> plan, Leg leg) {
        return plan.stream().filter(b -> b.leg == leg.index()).toList();
    }

    /**
     * One consignment per shipment, and the extra ones split shipments that carry several batches between
     * the two importers. A consignment's status follows from its shipment's dates; among the older arrivals
     * a few are held or rejected, the rest released.
     */
    private List<Consignment> consignments(List<Leg> legs, List<PlannedBatch> plan, List<Shipment> shipments) {
        int[] perLeg = new int[legs.size()];
        Arrays.fill(perLeg, 1);
        int extra = spec.consignments() - legs.size();
        for (int j = random.nextInt(legs.size()); extra > 0; j = (j + 1) % legs.size()) {
            if (perLeg[j] < onLeg(plan, legs.get(j)).size()) {
                perLeg[j]++;
                extra--;
            }
        }

        record Draft(int index, Leg leg, List<Batch> batches) {
        }
        List<Draft> drafts = new ArrayList<>();
        for (Leg leg : legs) {
            List<PlannedBatch> onBoard = onLeg(plan, leg);
            for (int c = 0; c < perLeg[leg.index()]; c++) {
                List<Batch> declared = new ArrayList<>();
                for (int t = c; t < onBoard.size(); t += perLeg[leg.index()]) {
                    declared.add(onBoard.get(t).batch);
                }
                drafts.add(new Draft(drafts.size(), leg, declared));
            }
        }

        // The order in which older arrivals are looked at, newest first, decides which are held or rejected.
        List<Draft> olderArrivals = drafts.stream()
                .filter(d -> d.leg().arrivedOn() != null && d.leg().arrivedOn().isBefore(today.minusDays(6)))
                .sorted(Comparator.comparing((Draft d) -> d.leg().arrivedOn()).reversed()
                        .thenComparingInt(Draft::index))
                .toList();

        long declarationBase = 400_000 + random.nextInt(100_000);
        List<Consignment> consignments = new ArrayList<>(drafts.size());
        for (Draft draft : drafts) {
            Leg leg = draft.leg();
            ConsignmentStatus status = statusOf(leg, olderArrivals.indexOf(draft));
            LocalDate declaredOn = leg.departedOn().plusDays(1 + random.nextInt(3));
            if (declaredOn.isAfter(today)) {
                declaredOn = today;
            }
            LocalDate releasedOn = status == ConsignmentStatus.RELEASED
                    ? leg.arrivedOn().plusDays(2 + random.nextInt(4))
                    : null;
            String declarationNumber = "3519" + declaredOn.getYear()
                    + String.format("%010d", declarationBase + draft.index());
            Organization importer = Cast.IMPORTERS.get(draft.index() % Cast.IMPORTERS.size());
            List<BatchQuantity> declares = draft.batches().stream()
                    .map(b -> new BatchQuantity(b.ref(), b.quantity()))
                    .toList();
            consignments.add(new Consignment(declarationNumber, status, declaredOn, releasedOn,
                    shipments.get(leg.index()).number(), importer.gln(), Cast.PINGTAN_PORT.gln(), declares,
                    documents(draft.index(), declarationNumber, leg)));
        }
        return consignments;
    }

    private ConsignmentStatus statusOf(Leg leg, int olderArrivalRank) {
        if (leg.arrivedOn() == null) {
            return leg.departedOn().isBefore(today.minusDays(5)) ? ConsignmentStatus.IN_TRANSIT
                    : ConsignmentStatus.DECLARED;
        }
        if (!leg.arrivedOn().isBefore(today.minusDays(2))) {
            return ConsignmentStatus.ARRIVED;
        }
        if (!leg.arrivedOn().isBefore(today.minusDays(6))) {
            return ConsignmentStatus.UNDER_INSPECTION;
        }
        return switch (olderArrivalRank % 9) {
            case 0 -> ConsignmentStatus.HELD;
            case 4 -> ConsignmentStatus.REJECTED;
            default -> ConsignmentStatus.RELEASED;
        };
    }

    /** An invoice and a packing list always; a health certificate, house bill or origin certificate often. */
    private List<Document> documents(int consignment, String declarationNumber, Leg leg) {
        LocalDate departed = leg.departedOn();
        int year = departed.getYear();
        String seq = String.format("%05d", consignment + 1);
        List<Document> documents = new ArrayList<>(4);
        documents.add(new Document("AHE-INV-" + year + "-" + seq, DocumentKind.COMMERCIAL_INVOICE,
                "Commercial invoice for customs declaration " + declarationNumber, departed.minusDays(3)));
        documents.add(new Document("AHE-PL-" + year + "-" + seq, DocumentKind.PACKING_LIST,
                "Packing list for customs declaration " + declarationNumber, departed.minusDays(2)));
        List<DocumentKind> optional = new ArrayList<>(List.of(DocumentKind.HEALTH_CERTIFICATE,
                DocumentKind.BILL_OF_LADING, DocumentKind.ORIGIN_CERTIFICATE));
        int more = random.nextInt(3);
        for (int i = 0; i < more; i++) {
            DocumentKind kind = optional.remove(random.nextInt(optional.size()));
            documents.add(switch (kind) {
                case HEALTH_CERTIFICATE -> new Document("AU-HC-" + year + "-" + seq, kind,
                        "Dairy export health certificate (Australia to China)", departed.minusDays(4));
                case BILL_OF_LADING -> new Document("HBL-" + year + "-" + seq, kind,
                        "House bill of lading, port of discharge Pingtan", departed);
                case ORIGIN_CERTIFICATE -> new Document("AU-CO-" + year + "-" + seq, kind,
                        "Certificate of origin under the China-Australia Free Trade Agreement", departed.minusDays(2));
                default -> throw new IllegalStateException("not an optional document: " + kind);
            });
        }
        documents.sort(Comparator.comparing(Document::kind));
        return documents;
    }

    /**
     * A registration per premises, valid five years, and a traceability certificate per batch, valid one
     * year: those of batches made more than a year before the reference date have expired. The certificate
     * of a batch in the first rejected consignment is revoked.
     */
    private List<Certificate> certificates(List<Batch> batches, List<Consignment> consignments) {
        Organization auditor = Cast.AUDITOR_ORG;
        List<Certificate> certificates = new ArrayList<>();
        for (int k = 0; k < Cast.PREMISES.size(); k++) {
            Premises premises = Cast.PREMISES.get(k);
            LocalDate issued = today.minusDays(900 + 45L * k);
            certificates.add(new Certificate("SCI-PR-" + issued.getYear() + "-" + String.format("%04d", k + 1),
                    CertificateKind.PREMISES_REGISTRATION, issued, issued, issued.plusYears(5).minusDays(1),
                    CertificateStatus.VALID, null, auditor.gln(), new Target.OfPremises(premises.gln())));
        }

        Consignment rejected = consignments.stream()
                .filter(c -> c.status() == ConsignmentStatus.REJECTED)
                .findFirst().orElse(null);
        Target.OfBatch revoked = rejected != null ? rejected.declares().getFirst().batch() : batches.getFirst().ref();
        String revokedReason = rejected != null
                ? "Revoked after port verification of customs declaration " + rejected.declarationNumber()
                        + " at Pingtan found that the Chinese label on the sampled cans did not match the approved "
                        + "label"
                : "Revoked at the producer's request after a labelling error was found on the batch";

        for (int i = 0; i < batches.size(); i++) {
            Batch batch = batches.get(i);
            LocalDate issued = batch.productionDate().plusDays(5);
            boolean isRevoked = batch.ref().equals(revoked);
            certificates.add(new Certificate("SCI-TC-" + issued.getYear() + "-" + String.format("%06d", i + 1),
                    CertificateKind.TRACEABILITY, issued, issued, issued.plusYears(1).minusDays(1),
                    isRevoked ? CertificateStatus.REVOKED : CertificateStatus.VALID, isRevoked ? revokedReason : null,
                    auditor.gln(), batch.ref()));
        }
        return certificates;
    }

    /**
     * The auditor audits each premises and follows each batch from the line to the container; the port
     * authority verifies consignments that it released or rejected. The first batch not yet shipped failed
     * its packaging check, which is why it is still at the plant.
     */
    private List<Inspection> inspections(List<PlannedBatch> plan, List<Leg> legs, List<Consignment> consignments,
                                         List<Shipment> shipments) {
        Gln auditor = Cast.AUDITOR_ORG.gln();
        List<Inspection> inspections = new ArrayList<>();
        InspectionNumbers numbers = new InspectionNumbers();

        for (int k = 0; k < Cast.PREMISES.size(); k++) {
            Premises premises = Cast.PREMISES.get(k);
            LocalDate on = today.minusDays(180 + 37L * k);
            inspections.add(new Inspection(numbers.audit(on), InspectionKind.PREMISES_AUDIT, InspectionResult.PASS, on,
                    "Surveillance audit: HACCP plan, registration conditions for infant formula and allergen "
                            + "controls verified; no non-conformities.",
                    null, auditor, new Target.OfPremises(premises.gln())));
        }

        PlannedBatch failed = plan.stream().filter(b -> b.leg < 0).findFirst().orElseThrow();
        for (PlannedBatch planned : plan) {
            Batch batch = planned.batch;
            Target.OfBatch target = batch.ref();
            LocalDate produced = batch.productionDate();
            LocalDate checked = produced.plusDays(1);
            inspections.add(new Inspection(numbers.audit(checked), InspectionKind.PRODUCTION_CHECK,
                    InspectionResult.PASS, checked,
                    "Spray-drying and dry-blending records reviewed; critical control points within limits.", null,
                    auditor, target));
            LocalDate labelled = produced.plusDays(2);
            inspections.add(new Inspection(numbers.audit(labelled), InspectionKind.LABEL_APPROVAL,
                    InspectionResult.PASS, labelled,
                    "Chinese label checked against the registered formula and the approved label artwork.", null,
                    auditor, target));
            LocalDate packed = produced.plusDays(3 + random.nextInt(2));
            boolean fails = planned == failed;
            inspections.add(new Inspection(numbers.audit(packed), InspectionKind.PACKAGING_CHECK,
                    fails ? InspectionResult.FAIL : InspectionResult.PASS, packed,
                    fails ? "Seam defects on 3 of 40 sampled cans; batch withheld from export pending rework and "
                            + "re-inspection."
                            : "Can seams, nitrogen flushing and lot and expiry printing checked on sampled cans.",
                    null, auditor, target));
            if (planned.leg >= 0) {
                Leg leg = legs.get(planned.leg);
                Shipment shipment = shipments.get(planned.leg);
                LocalDate sampled = leg.departedOn().minusDays(6 - random.nextInt(3));
                int sample = (int) Math.min(batch.quantity(), 6 + random.nextInt(8));
                inspections.add(new Inspection(numbers.audit(sampled), InspectionKind.PRE_SHIPMENT_INSPECTION,
                        InspectionResult.PASS, sampled,
                        "Sampled cans opened and tested: moisture, Cronobacter and Salmonella within limits.", sample,
                        auditor, target));
                LocalDate loaded = leg.departedOn().minusDays(1);
                inspections.add(new Inspection(numbers.audit(loaded), InspectionKind.LOADING_SUPERVISION,
                        InspectionResult.PASS, loaded,
                        "Loading into container " + shipment.container() + " supervised; seal " + shipment.seal()
                                + " applied.",
                        null, auditor, target));
            }
        }

        Gln portAuthority = Cast.PORT_AUTHORITY_ORG.gln();
        Map<String, Shipment> byNumber = new HashMap<>();
        shipments.forEach(s -> byNumber.put(s.number(), s));
        for (Consignment consignment : consignments) {
            Shipment shipment = byNumber.get(consignment.shipment());
            if (consignment.status() == ConsignmentStatus.RELEASED) {
                LocalDate on = shipment.arrivedOn().plusDays(1);
                inspections.add(new Inspection(numbers.port(on), InspectionKind.PORT_VERIFICATION,
                        InspectionResult.PASS, on,
                        "Documents, seal and labels verified; sampled cans scanned and their trace codes resolve to "
                                + "the declared batches.",
                        null, portAuthority, consignment.ref()));
            } else if (consignment.status() == ConsignmentStatus.REJECTED) {
                LocalDate on = shipment.arrivedOn().plusDays(2);
                inspections.add(new Inspection(numbers.port(on), InspectionKind.PORT_VERIFICATION,
                        InspectionResult.FAIL, on,
                        "Chinese label on the sampled cans does not match the approved label of the registered "
                                + "formula; entry refused.",
                        null, portAuthority, consignment.ref()));
            }
        }
        return inspections;
    }

    /** Inspection numbers per issuer, counting up through the world. */
    private static final class InspectionNumbers {
        private int audits;
        private int portChecks;

        String audit(LocalDate on) {
            return "SCI-IN-" + on.getYear() + "-" + String.format("%06d", ++audits);
        }

        String port(LocalDate on) {
            return "PTQ-PV-" + on.getYear() + "-" + String.format("%05d", ++portChecks);
        }
    }
}
