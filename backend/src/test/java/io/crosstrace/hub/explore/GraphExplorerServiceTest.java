package io.crosstrace.hub.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import io.crosstrace.hub.DemoData;
import io.crosstrace.hub.HubIntegrationTest;
import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.CurrentActor;
import io.crosstrace.hub.security.Role;

@HubIntegrationTest
class GraphExplorerServiceTest {

    @Autowired
    GraphExplorerService explorer;
    @Autowired
    Driver driver;

    private static final Actor ANALYST = Actor.user("analyst", "9300000000008", Role.ANALYST);
    private static final Actor ADMIN = Actor.user("admin", "9300000000008", Role.PLATFORM_ADMIN);

    @Test
    void a_batch_opens_onto_its_product_premises_and_units_with_business_keys() {
        String batch = DemoData.strings(driver, "MATCH (b:Batch)-[:HAS_UNIT]->() RETURN DISTINCT b.gtin + '/' + b.lot LIMIT 1").getFirst();

        GraphView view = CurrentActor.callAs(ANALYST, () -> explorer.neighbours("Batch:" + batch, null));

        assertThat(view.nodes()).extracting(GraphView.Node::kind).contains("Batch", "Product", "Premises", "TraceCode");
        assertThat(view.nodes()).extracting(GraphView.Node::id).contains("Batch:" + batch)
                .allSatisfy(id -> assertThat(id).matches("[A-Za-z]+:.+").doesNotContain("4:"));
        assertThat(view.edges()).contains(new GraphView.Edge("Batch:" + batch, "OF_PRODUCT",
                view.nodes().stream().filter(n -> n.kind().equals("Product")).findFirst().orElseThrow().id()));
        // Thousands of units are a sample, and the view says so.
        assertThat(view.nodes().stream().filter(n -> n.kind().equals("TraceCode"))).hasSize(GraphExplorerService.PER_TYPE);
        assertThat(view.truncated()).isTrue();

        GraphView products = CurrentActor.callAs(ANALYST, () -> explorer.neighbours("Batch:" + batch, "OF_PRODUCT"));
        assertThat(products.nodes()).extracting(GraphView.Node::kind).containsExactlyInAnyOrder("Batch", "Product");
    }

    @Test
    void analysts_never_see_commercial_documents_nor_shipping_papers_administrators_do() {
        String consignment = DemoData.strings(driver,
                "MATCH (c:Consignment)-[:HAS_DOCUMENT]->(:Document) RETURN c.declarationNumber LIMIT 1").getFirst();
        String shipment = DemoData.strings(driver, "MATCH (s:Shipment) WHERE s.billOfLading IS NOT NULL RETURN s.number LIMIT 1").getFirst();

        GraphView analysts = CurrentActor.callAs(ANALYST, () -> explorer.neighbours("Consignment:" + consignment, null));
        GraphView admins = CurrentActor.callAs(ADMIN, () -> explorer.neighbours("Consignment:" + consignment, null));

        assertThat(analysts.nodes()).extracting(GraphView.Node::kind).doesNotContain("Document").contains("Consignment");
        assertThat(admins.nodes()).extracting(GraphView.Node::kind).contains("Document");
        assertThat(CurrentActor.callAs(ANALYST, () -> explorer.relationshipCounts("Consignment:" + consignment)))
                .doesNotContainKey("HAS_DOCUMENT>");
        assertThat(CurrentActor.callAs(ANALYST, () -> explorer.node("Shipment:" + shipment)).orElseThrow().properties())
                .doesNotContainKey("billOfLading");
        assertThat(CurrentActor.callAs(ADMIN, () -> explorer.node("Shipment:" + shipment)).orElseThrow().properties())
                .containsKey("billOfLading");
    }

    @Test
    void a_unit_code_leads_to_its_origin() {
        String path = DemoData.shippedUnitPath(driver);

        GraphView origin = CurrentActor.callAs(ANALYST, () -> explorer.originOf(path));

        assertThat(origin.nodes()).extracting(GraphView.Node::kind)
                .contains("TraceCode", "Batch", "Product", "Premises", "Organization", "Shipment", "Consignment", "Location");
        assertThat(origin.edges()).extracting(GraphView.Edge::type).contains("HAS_UNIT", "PRODUCED", "OPERATES", "CARRIES");
    }

    @Test
    void only_analysts_and_administrators_explore() {
        Actor producer = Actor.user("producer", "9300000000008", Role.PRODUCER);
        assertThatThrownBy(() -> CurrentActor.callAs(producer, () -> explorer.originOf("/01/0/10/x/21/y")))
                .isInstanceOf(AccessDeniedException.class);
    }
}
