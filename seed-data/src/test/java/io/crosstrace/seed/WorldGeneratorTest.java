package io.crosstrace.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.crosstrace.gs1.DigitalLink;
import io.crosstrace.gs1.Gln;
import io.crosstrace.gs1.Gtin;

class WorldGeneratorTest {

    private final World demo = World.generate(WorldSpec.demo());

    @Test
    void the_same_spec_generates_the_same_world_and_the_same_codes() {
        World again = World.generate(WorldSpec.demo());

        assertThat(again).isEqualTo(demo);
        assertThat(again.unitCodes().limit(500).toList()).isEqualTo(demo.unitCodes().limit(500).toList());
    }

    @Test
    void another_seed_gives_other_serials() {
        World other = World.generate(WorldSpec.ofUnitCodes(6_000, 7));

        assertThat(other.unitCodes().limit(50).map(c -> c.serial().value()).toList())
                .doesNotContainAnyElementsOf(demo.unitCodes().limit(50).map(c -> c.serial().value()).toList());
    }

    @Test
    void of_unit_codes_scales_batches_shipments_and_consignments() {
        assertThat(WorldSpec.ofUnitCodes(6_000)).isEqualTo(WorldSpec.demo());
        assertThat(WorldSpec.demo().name()).isEqualTo("demo-world");

        WorldSpec million = WorldSpec.ofUnitCodes(1_000_000);
        assertThat(million.batches()).isEqualTo(100);
        assertThat(million.shipments()).isEqualTo(33);
        assertThat(million.consignments()).isEqualTo(40);
        assertThat(million.name()).isEqualTo("world-1000000-codes-seed-" + WorldSpec.DEMO_SEED);

        World world = World.generate(WorldSpec.ofUnitCodes(1_000_000));
        assertThat(world.batches()).hasSize(100);
        assertThat(world.unitCodeCount()).isEqualTo(1_000_000);
    }

    @Test
    void a_spec_that_cannot_be_built_is_refused_with_the_reason() {
        assertThatThrownBy(() -> WorldSpec.ofUnitCodes(10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 30 codes");
        assertThatThrownBy(() -> new WorldSpec(1, 3, 5, 6, 30, 10, 40, 6_000))
                .hasMessageContaining("consignments must be between 10 and 27");
        assertThatThrownBy(() -> new WorldSpec(1, 4, 5, 6, 30, 10, 12, 6_000))
                .hasMessageContaining("the cast is fixed");
    }

    @Test
    void the_demo_world_has_the_cast_of_the_story() {
        assertThat(demo.organizations()).filteredOn(o -> o.has(OrganizationRole.PRODUCER)).hasSize(3)
                .allSatisfy(o -> assertThat(o.gs1CompanyPrefix()).startsWith("93"));
        for (OrganizationRole role : List.of(OrganizationRole.EXPORTER, OrganizationRole.AUDITOR,
                OrganizationRole.PORT_AUTHORITY, OrganizationRole.LOGISTICS, OrganizationRole.PLATFORM)) {
            assertThat(demo.organizations()).filteredOn(o -> o.has(role)).hasSize(1);
        }
        assertThat(demo.organizations()).filteredOn(o -> o.has(OrganizationRole.IMPORTER)).hasSize(2);
        assertThat(demo.premises()).hasSize(5)
                .allSatisfy(p -> assertThat(p.gln().value()).startsWith("93").hasSize(13));
        assertThat(demo.products()).hasSize(6)
                .allSatisfy(p -> assertThat(p.nameZh()).isNotBlank());
        assertThat(demo.locations()).extracting(Location::kind, Location::country).containsExactlyInAnyOrder(
                tuple(LocationKind.PORT, "AU"),
                tuple(LocationKind.PORT, "AU"),
                tuple(LocationKind.PORT, "CN"),
                tuple(LocationKind.COMPLIANCE_CENTRE, "CN"));
        // Identifiers are value objects that validate themselves; building them again proves the format.
        demo.premises().forEach(p -> new Gln(p.gln().value()));
        demo.products().forEach(p -> new Gtin(p.gtin().value()));
    }

    @Test
    void the_demo_world_has_the_required_flows() {
        LocalDate today = demo.referenceDate();
        assertThat(demo.batches()).hasSize(30);
        assertThat(demo.batches().stream().map(Batch::gtin).distinct()).hasSize(6);
        assertThat(demo.shipments()).hasSize(10);
        assertThat(demo.consignments()).hasSize(12);
        assertThat(demo.consignments().stream().map(Consignment::status).distinct().count())
                .isGreaterThanOrEqualTo(5);
        assertThat(demo.certificates()).filteredOn(c -> c.status() == CertificateStatus.REVOKED).singleElement()
                .satisfies(c -> assertThat(c.revokedReason()).isNotBlank());
        assertThat(demo.certificates()).filteredOn(c -> c.isExpiredOn(today)).isNotEmpty();
        assertThat(demo.certificates()).filteredOn(c -> !c.isExpiredOn(today)).isNotEmpty();
        assertThat(demo.inspections()).filteredOn(i -> i.result() == InspectionResult.FAIL)
                .isNotEmpty().allSatisfy(i -> assertThat(i.findings()).isNotBlank());
        assertThat(demo.inspections()).filteredOn(i -> i.kind() == InspectionKind.PRE_SHIPMENT_INSPECTION)
                .isNotEmpty().allSatisfy(i -> assertThat(i.sampledQuantity()).isPositive());
        assertThat(demo.consignments()).allSatisfy(c -> assertThat(c.documents()).hasSizeBetween(2, 4));
        assertThat(demo.unitCodeCount()).isEqualTo(6_000);
        assertThat(demo.batches()).allSatisfy(b -> assertThat(b.quantity()).isPositive());
    }

    @Test
    void every_shipped_batch_is_on_exactly_one_shipment_and_a_few_stay_at_the_plant() {
        Map<Target.OfBatch, Integer> voyages = new HashMap<>();
        demo.shipments().forEach(s -> s.carries().forEach(q -> voyages.merge(q.batch(), 1, Integer::sum)));

        assertThat(voyages.values()).containsOnly(1);
        assertThat(demo.batches().size() - voyages.size()).isEqualTo(3);
        for (Shipment shipment : demo.shipments()) {
            Set<Target.OfBatch> carried = shipment.carries().stream().map(BatchQuantity::batch)
                    .collect(Collectors.toSet());
            Set<Target.OfBatch> declared = demo.consignments().stream()
                    .filter(c -> c.shipment().equals(shipment.number()))
                    .flatMap(c -> c.declares().stream().map(BatchQuantity::batch))
                    .collect(Collectors.toSet());
            assertThat(declared).isEqualTo(carried);
        }
    }

    @Test
    void dates_follow_the_goods_from_production_to_release() {
        LocalDate today = demo.referenceDate();
        Map<Target.OfBatch, Batch> batches = demo.batches().stream()
                .collect(Collectors.toMap(Batch::ref, b -> b));
        Map<String, Shipment> shipments = demo.shipments().stream()
                .collect(Collectors.toMap(Shipment::number, s -> s));

        for (Batch batch : demo.batches()) {
            assertThat(batch.expiryDate()).isBetween(batch.productionDate().plusMonths(18),
                    batch.productionDate().plusMonths(24));
        }
        for (Inspection inspection : demo.inspections()) {
            assertThat(inspection.performedOn()).isBeforeOrEqualTo(today);
            if (inspection.subject() instanceof Target.OfBatch ref) {
                assertThat(inspection.performedOn()).isAfter(batches.get(ref).productionDate());
            }
        }
        for (Shipment shipment : demo.shipments()) {
            for (BatchQuantity carried : shipment.carries()) {
                Batch batch = batches.get(carried.batch());
                assertThat(shipment.departedOn()).isAfter(batch.productionDate());
                demo.inspections().stream().filter(i -> i.subject().equals(carried.batch()))
                        .forEach(i -> assertThat(i.performedOn()).isBefore(shipment.departedOn()));
            }
            if (shipment.arrivedOn() != null) {
                assertThat(shipment.arrivedOn()).isAfter(shipment.departedOn()).isBeforeOrEqualTo(today);
            }
        }
        for (Consignment consignment : demo.consignments()) {
            Shipment shipment = shipments.get(consignment.shipment());
            assertThat(consignment.declaredOn()).isAfter(shipment.departedOn()).isBeforeOrEqualTo(today);
            assertThat(consignment.documents()).allSatisfy(d ->
                    assertThat(d.issuedOn()).isBeforeOrEqualTo(consignment.declaredOn()));
            switch (consignment.status()) {
                case DECLARED, IN_TRANSIT -> assertThat(shipment.arrivedOn()).isNull();
                case RELEASED -> {
                    assertThat(consignment.releasedOn()).isAfter(shipment.arrivedOn()).isBeforeOrEqualTo(today);
                    consignment.declares().forEach(d -> assertThat(consignment.releasedOn())
                            .isBefore(batches.get(d.batch()).expiryDate()));
                }
                default -> assertThat(shipment.arrivedOn()).isNotNull();
            }
            if (consignment.status() != ConsignmentStatus.RELEASED) {
                assertThat(consignment.releasedOn()).isNull();
            }
        }
    }

    @Test
    void port_verifications_are_made_by_the_port_authority_on_released_or_rejected_consignments() {
        Map<String, Consignment> consignments = demo.consignments().stream()
                .collect(Collectors.toMap(Consignment::declarationNumber, c -> c));
        List<Inspection> verifications = demo.inspections().stream()
                .filter(i -> i.kind() == InspectionKind.PORT_VERIFICATION).toList();

        assertThat(verifications).isNotEmpty().allSatisfy(i -> {
            assertThat(i.performer()).isEqualTo(Cast.PORT_AUTHORITY_ORG.gln());
            Consignment consignment = consignments.get(((Target.OfConsignment) i.subject()).declarationNumber());
            assertThat(consignment.status()).isIn(ConsignmentStatus.RELEASED, ConsignmentStatus.REJECTED);
        });
        assertThat(demo.consignments()).filteredOn(c -> c.status() == ConsignmentStatus.RELEASED)
                .allSatisfy(c -> assertThat(verifications).anyMatch(i -> i.subject().equals(c.ref())));
    }

    @Test
    void business_keys_are_unique() {
        assertThat(demo.batches().stream().map(Batch::ref)).doesNotHaveDuplicates();
        assertThat(demo.certificates().stream().map(Certificate::number)).doesNotHaveDuplicates();
        assertThat(demo.inspections().stream().map(Inspection::number)).doesNotHaveDuplicates();
        assertThat(demo.shipments().stream().map(Shipment::number)).doesNotHaveDuplicates();
        assertThat(demo.consignments().stream().map(Consignment::declarationNumber)).doesNotHaveDuplicates();
        assertThat(demo.consignments().stream().flatMap(c -> c.documents().stream()).map(Document::number))
                .doesNotHaveDuplicates();
        assertThat(demo.batches()).allSatisfy(b -> assertThat(b.lot().value()).matches("L\\d{4}[AB]\\d{2,}"));
        assertThat(demo.shipments()).allSatisfy(s ->
                assertThat(ContainerNumber.checkDigit(s.container())).isEqualTo(s.container().charAt(10) - '0'));
    }

    @Test
    void unit_codes_are_unique_and_their_paths_are_digital_links_to_them() {
        World world = World.generate(WorldSpec.ofUnitCodes(50_000));
        Set<String> serials = new HashSet<>();
        world.unitCodes().forEach(code -> {
            assertThat(serials.add(code.serial().value())).isTrue();
            assertThat(code.serial().value()).matches("[2-9A-HJ-NP-Z]{12}");
            DigitalLink link = DigitalLink.parse(code.path());
            assertThat(link.gtin()).isEqualTo(code.gtin());
            assertThat(link.lot()).isEqualTo(code.lot());
            assertThat(link.serial()).isEqualTo(code.serial());
        });
        assertThat(serials).hasSize(50_000);
    }

    @Test
    void a_batch_slice_is_the_same_codes_as_the_batch_read_whole() {
        UnitCodeMinter minter = demo.minter();
        List<UnitCode> whole = demo.unitCodes(3).toList();

        assertThat(whole).hasSize((int) demo.batches().get(3).quantity());
        assertThat(minter.slice(3, 10, 20)).isEqualTo(whole.subList(10, 30));
        assertThat(whole).allSatisfy(c -> assertThat(c.issuedAt().toLocalDate())
                .isEqualTo(demo.batches().get(3).productionDate()));
    }

    @Test
    void container_numbers_carry_the_iso_6346_check_digit() {
        // The worked example of the standard.
        assertThat(ContainerNumber.checkDigit("CSQU305438")).isEqualTo(3);
        assertThat(ContainerNumber.of("CSQU", 305438)).isEqualTo("CSQU3054383");
    }
}
