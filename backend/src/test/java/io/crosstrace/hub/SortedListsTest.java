package io.crosstrace.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.crosstrace.hub.certificate.Certificate;
import io.crosstrace.hub.certificate.CertificateOrder;
import io.crosstrace.hub.certificate.CertificateService;
import io.crosstrace.hub.graphql.PageRequest;
import io.crosstrace.hub.logistics.Consignment;
import io.crosstrace.hub.logistics.ConsignmentFilter;
import io.crosstrace.hub.logistics.ConsignmentOrder;
import io.crosstrace.hub.logistics.LogisticsService;
import io.crosstrace.hub.logistics.Shipment;
import io.crosstrace.hub.logistics.ShipmentOrder;
import io.crosstrace.hub.registry.Organization;
import io.crosstrace.hub.registry.OrganizationOrder;
import io.crosstrace.hub.registry.Premises;
import io.crosstrace.hub.registry.PremisesOrder;
import io.crosstrace.hub.registry.Product;
import io.crosstrace.hub.registry.ProductOrder;
import io.crosstrace.hub.registry.RegistryService;
import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.CurrentActor;
import io.crosstrace.hub.security.Role;

/**
 * The lists behind the workspace's sortable grids read in the order asked for, over the demo world; the old
 * signatures (the GraphQL API's) keep their order.
 */
@HubIntegrationTest
class SortedListsTest {

    private static final Actor ADMIN = Actor.user("admin", "0000000000000", Role.PLATFORM_ADMIN);
    private static final PageRequest PAGE = new PageRequest(200, 0);

    @Autowired
    RegistryService registry;
    @Autowired
    LogisticsService logistics;
    @Autowired
    CertificateService certificates;

    @Test
    void organizations_premises_and_products_follow_the_chosen_order() {
        List<Organization> byName = as(() -> registry.organizations(null, PAGE, false, OrganizationOrder.NAME_DESCENDING).nodes());
        assertSorted(byName, Organization::name, Comparator.<String>reverseOrder());
        assertThat(as(() -> registry.organizations(null, PAGE, false).nodes())).extracting(Organization::gln)
                .isSorted();

        assertSorted(as(() -> registry.premisesList(null, null, PAGE, false, PremisesOrder.COUNTRY_ASCENDING).nodes()),
                Premises::country, Comparator.<String>naturalOrder());
        assertSorted(as(() -> registry.products(null, null, PAGE, false, ProductOrder.NAME_ASCENDING).nodes()),
                Product::nameEn, Comparator.<String>naturalOrder());
        assertThat(as(() -> registry.products(null, null, PAGE, false, ProductOrder.GTIN_DESCENDING).nodes()))
                .extracting(Product::gtin).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void shipments_consignments_and_certificates_follow_the_chosen_order() {
        List<Shipment> oldestFirst = as(() -> logistics.shipments(null, null, PAGE, false, ShipmentOrder.DEPARTED_OLDEST).nodes());
        assertThat(oldestFirst).hasSizeGreaterThan(1);
        assertSorted(oldestFirst, Shipment::departedOn, Comparator.<LocalDate>naturalOrder());
        assertThat(as(() -> logistics.shipments(null, null, PAGE, false, ShipmentOrder.NUMBER_DESCENDING).nodes()))
                .extracting(Shipment::number).isSortedAccordingTo(Comparator.reverseOrder());

        assertSorted(as(() -> logistics.consignments(new ConsignmentFilter(null, null, null, null, null), PAGE, false,
                ConsignmentOrder.STATUS_ASCENDING).nodes()), Consignment::status, Comparator.<String>naturalOrder());
        assertSorted(as(() -> logistics.consignments(new ConsignmentFilter(null, null, null, null, null), PAGE, false).nodes()),
                Consignment::declaredOn, Comparator.<LocalDate>reverseOrder());

        assertSorted(as(() -> certificates.certificates(null, null, null, null, PAGE, false, CertificateOrder.VALID_UNTIL_LATEST)
                .nodes()), Certificate::validUntil, Comparator.<LocalDate>reverseOrder());
    }

    private static <T> T as(java.util.function.Supplier<T> read) {
        return CurrentActor.callAs(ADMIN, read);
    }

    /** Sorted on the key where it is present: Cypher puts missing values last ascending and first descending. */
    private static <T, K> void assertSorted(List<T> rows, Function<T, K> key, Comparator<K> order) {
        assertThat(rows).isNotEmpty();
        assertThat(rows.stream().map(key).filter(Objects::nonNull).toList()).isSortedAccordingTo(order);
    }
}
