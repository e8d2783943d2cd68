package io.crosstrace.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.crosstrace.gs1.DigitalLink;
import io.crosstrace.hub.graphdb.CypherStatementCounter;
import io.crosstrace.hub.graphql.GlobalId;

@HubIntegrationTest
class GraphQlReadApiTest {

    @Autowired
    HttpGraphQlTester graphQl;
    @Autowired
    io.crosstrace.hub.security.AuthService auth;

    @org.junit.jupiter.api.BeforeEach
    void signInAsPartner() {
        graphQl = io.crosstrace.hub.Partners.as(graphQl, auth, "admin");
    }
    @Autowired
    Driver driver;
    @Autowired
    CypherStatementCounter statements;

    @Test
    void trace_code_by_uri_returns_the_whole_chain_in_one_statement() {
        String path = DemoData.shippedUnitPath(driver);
        DigitalLink link = DigitalLink.parse(path);

        long before = statements.count();
        var response = graphQl.documentName("traceCodeChain").variable("uri", "https://id.example.com" + path).execute();
        assertThat(statements.count() - before).as("Cypher statements for the whole chain").isEqualTo(1);

        response.path("traceCode.serial").entity(String.class).isEqualTo(link.serial().value());
        response.path("traceCode.uri").entity(String.class).isEqualTo(path);
        response.path("traceCode.batch.lot").entity(String.class).isEqualTo(link.lot().value());
        response.path("traceCode.product.gtin").entity(String.class).isEqualTo(link.gtin().value());
        response.path("traceCode.product.nameZh").entity(String.class).satisfies(name -> assertThat(name).isNotBlank());
        response.path("traceCode.premises.country").entity(String.class).isEqualTo("AU");
        response.path("traceCode.producer.roles").entityList(String.class).contains("PRODUCER");
        response.path("traceCode.certificates[*].kind").entityList(String.class).contains("TRACEABILITY");
        response.path("traceCode.inspections[*].kind").entityList(String.class)
                .contains("PREMISES_AUDIT", "PRE_SHIPMENT_INSPECTION", "LOADING_SUPERVISION");
        response.path("traceCode.shipments").entityList(Object.class).hasSizeGreaterThan(0);
        response.path("traceCode.consignments[0].declarationNumber").hasValue();
        response.path("traceCode.arrivalPort.country").entity(String.class).isEqualTo("CN");
    }

    @Test
    void trace_code_by_gtin_lot_and_serial_finds_the_same_unit() {
        DigitalLink link = DigitalLink.parse(DemoData.shippedUnitPath(driver));
        graphQl.document("""
                        query($gtin: String, $lot: String, $serial: String) {
                          traceCode(gtin: $gtin, lot: $lot, serial: $serial) { id uri batch { lot } }
                        }""")
                .variable("gtin", link.gtin().value()).variable("lot", link.lot().value())
                .variable("serial", link.serial().value())
                .execute()
                .path("traceCode.uri").entity(String.class).isEqualTo(link.path())
                .path("traceCode.id").entity(String.class).isEqualTo(GlobalId.of("TraceCode", link.path()));
    }

    @Test
    void node_and_nodes_resolve_global_ids_of_every_type() {
        String gtin = DemoData.strings(driver, "MATCH (p:Product) RETURN p.gtin ORDER BY p.gtin LIMIT 1").getFirst();
        String cert = DemoData.strings(driver, "MATCH (c:Certificate) RETURN c.number ORDER BY c.number LIMIT 1").getFirst();
        String decl = DemoData.strings(driver, "MATCH (c:Consignment) RETURN c.declarationNumber LIMIT 1").getFirst();

        graphQl.document("query($id: ID!) { node(id: $id) { __typename ... on Product { gtin owner { name } } } }")
                .variable("id", GlobalId.of("Product", gtin)).execute()
                .path("node.__typename").entity(String.class).isEqualTo("Product")
                .path("node.gtin").entity(String.class).isEqualTo(gtin)
                .path("node.owner.name").hasValue();

        graphQl.document("""
                        query($ids: [ID!]!) { nodes(ids: $ids) { __typename
                          ... on Certificate { number } ... on Consignment { declarationNumber } } }""")
                .variable("ids", List.of(GlobalId.of("Certificate", cert), GlobalId.of("Consignment", decl),
                        GlobalId.of("Consignment", "NO-SUCH-DECLARATION")))
                .execute()
                .path("nodes[0].number").entity(String.class).isEqualTo(cert)
                .path("nodes[1].declarationNumber").entity(String.class).isEqualTo(decl)
                .path("nodes[2]").valueIsNull();
    }

    @Test
    void lists_are_relay_connections_with_filters_and_stable_pages() {
        long total = DemoData.count(driver, "MATCH (b:Batch) RETURN count(b)");
        var firstPage = graphQl.document("""
                        { batches(first: 7) { totalCount edges { cursor node { id lot } } pageInfo { hasNextPage endCursor } } }""")
                .execute();
        firstPage.path("batches.totalCount").entity(Long.class).isEqualTo(total);
        firstPage.path("batches.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        String endCursor = firstPage.path("batches.pageInfo.endCursor").entity(String.class).get();
        List<String> firstIds = firstPage.path("batches.edges[*].node.id").entityList(String.class).hasSize(7).get();

        List<String> secondIds = graphQl.document("query($after: String) { batches(first: 7, after: $after) { edges { node { id } } } }")
                .variable("after", endCursor).execute()
                .path("batches.edges[*].node.id").entityList(String.class).hasSize(7).get();
        assertThat(secondIds).doesNotContainAnyElementsOf(firstIds);

        String status = DemoData.strings(driver, "MATCH (c:Consignment) RETURN c.status ORDER BY c.status LIMIT 1").getFirst();
        long withStatus = DemoData.count(driver, "MATCH (c:Consignment {status: '" + status + "'}) RETURN count(c)");
        graphQl.document("query($s: ConsignmentStatus) { consignments(status: $s, first: 50) { totalCount edges { node { status } } } }")
                .variable("s", status).execute()
                .path("consignments.totalCount").entity(Long.class).isEqualTo(withStatus)
                .path("consignments.edges[*].node.status").entityList(String.class).containsExactly(
                        java.util.Collections.nCopies((int) withStatus, status).toArray(String[]::new));
    }

    @Test
    void batches_filter_by_producer_and_production_date() {
        String producerGln = DemoData.strings(driver,
                "MATCH (o:Organization)-[:OPERATES]->(:Premises) RETURN o.gln ORDER BY o.gln LIMIT 1").getFirst();
        long ofProducer = DemoData.count(driver, "MATCH (:Organization {gln: '" + producerGln
                + "'})-[:OPERATES]->(:Premises)-[:PRODUCED]->(b:Batch) RETURN count(b)");
        graphQl.document("query($p: ID) { batches(filter: {producer: $p}, first: 100) { totalCount edges { node { producer { gln } } } } }")
                .variable("p", GlobalId.of("Organization", producerGln)).execute()
                .path("batches.totalCount").entity(Long.class).isEqualTo(ofProducer)
                .path("batches.edges[*].node.producer.gln").entityList(String.class).hasSize((int) ofProducer)
                .satisfies(glns -> assertThat(glns).containsOnly(producerGln));

        graphQl.document("{ batches(filter: {producedFrom: \"2999-01-01\"}) { totalCount } }").execute()
                .path("batches.totalCount").entity(Long.class).isEqualTo(0L);
    }

    @Test
    void lookups_by_business_key() {
        String gln = DemoData.strings(driver, "MATCH (p:Premises) RETURN p.gln LIMIT 1").getFirst();
        graphQl.document("query($gln: String!) { premises(gln: $gln) { gln registrationNumber location { latitude } operator { roles } certificates { kind } inspections { kind } batches(first: 2) { edges { node { lot } } } } }")
                .variable("gln", gln).execute()
                .path("premises.gln").entity(String.class).isEqualTo(gln)
                .path("premises.registrationNumber").hasValue()
                .path("premises.location.latitude").hasValue()
                .path("premises.inspections[*].kind").entityList(String.class).contains("PREMISES_AUDIT");

        graphQl.document("{ certificates(status: REVOKED) { totalCount edges { node { revokedReason issuer { roles } } } } }")
                .execute()
                .path("certificates.totalCount").entity(Long.class).isEqualTo(1L)
                .path("certificates.edges[0].node.revokedReason").hasValue()
                .path("certificates.edges[0].node.issuer.roles").entityList(String.class).contains("AUDITOR");

        graphQl.document("{ inspections(result: FAIL) { totalCount edges { node { findings subject { __typename } } } } }")
                .execute()
                .path("inspections.edges[0].node.findings").hasValue()
                .path("inspections.edges[0].node.subject.__typename").hasValue();
    }

    @Test
    void every_list_filters_and_every_lookup_finds_by_key() {
        String producer = DemoData.strings(driver,
                "MATCH (o:Organization) WHERE 'PRODUCER' IN o.roles RETURN o.gln ORDER BY o.gln LIMIT 1").getFirst();
        String producerId = GlobalId.of("Organization", producer);
        long producers = DemoData.count(driver, "MATCH (o:Organization) WHERE 'PRODUCER' IN o.roles RETURN count(o)");
        graphQl.document("{ organizations(role: PRODUCER) { totalCount edges { node { roles premises { gln } products { gtin } } } } }")
                .execute()
                .path("organizations.totalCount").entity(Long.class).isEqualTo(producers)
                .path("organizations.edges[0].node.premises").entityList(Object.class).hasSizeGreaterThan(0);
        graphQl.document("query($p: ID) { allPremises(producer: $p) { totalCount edges { node { operator { gln } } } } }")
                .variable("p", producerId).execute()
                .path("allPremises.edges[*].node.operator.gln").entityList(String.class)
                .satisfies(glns -> assertThat(glns).isNotEmpty().containsOnly(producer));
        graphQl.document("query($p: ID) { products(owner: $p) { edges { node { owner { gln } } } } }")
                .variable("p", producerId).execute()
                .path("products.edges[*].node.owner.gln").entityList(String.class)
                .satisfies(glns -> assertThat(glns).isNotEmpty().containsOnly(producer));

        long departed = DemoData.count(driver, "MATCH (s:Shipment) WHERE s.departedOn >= date('2000-01-01') RETURN count(s)");
        graphQl.document("""
                        { shipments(departedFrom: "2000-01-01", first: 100) { totalCount edges { node {
                            number carrier { name } portOfLoading { country } portOfDischarge { country }
                            items { quantity batch { lot } } } } } }""")
                .execute()
                .path("shipments.totalCount").entity(Long.class).isEqualTo(departed)
                .path("shipments.edges[0].node.portOfLoading.country").entity(String.class).isEqualTo("AU")
                .path("shipments.edges[0].node.portOfDischarge.country").entity(String.class).isEqualTo("CN");

        String shipment = DemoData.strings(driver, "MATCH (s:Shipment) RETURN s.number LIMIT 1").getFirst();
        String decl = DemoData.strings(driver, "MATCH (c:Consignment) RETURN c.declarationNumber LIMIT 1").getFirst();
        List<String> batchKey = DemoData.strings(driver, "MATCH (b:Batch) WITH b LIMIT 1 UNWIND [b.gtin, b.lot] AS k RETURN k");
        graphQl.document("""
                        query($s: String!, $d: String!, $g: String!, $l: String!, $o: String!) {
                          shipment(number: $s) { number }
                          consignment(declarationNumber: $d) { declarationNumber documents { kind } declaredItems { quantity } }
                          batch(gtin: $g, lot: $l) { lot shipments { number } consignments { declarationNumber } }
                          organization(gln: $o) { gln }
                          locations(kind: "PORT") { gln country }
                          missing: shipment(number: "NO-SUCH-SHIPMENT") { number }
                        }""")
                .variable("s", shipment).variable("d", decl).variable("g", batchKey.get(0)).variable("l", batchKey.get(1))
                .variable("o", producer)
                .execute()
                .path("shipment.number").entity(String.class).isEqualTo(shipment)
                .path("consignment.documents").entityList(Object.class).hasSizeGreaterThan(0)
                .path("batch.lot").entity(String.class).isEqualTo(batchKey.get(1))
                .path("organization.gln").entity(String.class).isEqualTo(producer)
                .path("locations[*].country").entityList(String.class).contains("AU", "CN")
                .path("missing").valueIsNull();
    }

    @Test
    void search_finds_products_by_chinese_and_english_names_and_batches_by_lot() {
        Map<String, Object> product = driver.executableQuery("MATCH (p:Product) RETURN p.nameEn AS en, p.gtin AS gtin LIMIT 1")
                .execute().records().getFirst().asMap();
        String firstWord = ((String) product.get("en")).split(" ")[0];
        graphQl.document("query($t: String!) { search(text: $t) { edges { score node { __typename ... on Product { gtin } } } } }")
                .variable("t", firstWord).execute()
                .path("search.edges[*].node.gtin").entityList(String.class).contains((String) product.get("gtin"));

        String lot = DemoData.strings(driver, "MATCH (b:Batch) RETURN b.lot LIMIT 1").getFirst();
        graphQl.document("query($t: String!) { search(text: $t) { edges { node { __typename ... on Batch { lot } } } } }")
                .variable("t", lot).execute()
                .path("search.edges[*].node.lot").entityList(String.class).contains(lot);

        graphQl.document("{ search(text: \"AND OR ( [ ~ * ?\") { totalCount } }").execute()
                .path("search.totalCount").hasValue();
    }

    @Test
    void bad_input_is_a_classified_error_never_an_internal_one() {
        assertError("{ node(id: \"not-a-real-id!!\") { id } }", ErrorType.BAD_REQUEST);
        assertError("{ node(id: \"" + GlobalId.of("Spaceship", "1") + "\") { id } }", ErrorType.BAD_REQUEST);
        assertError("{ node(id: \"" + GlobalId.of("Batch", "x") + "\") { id } }", ErrorType.BAD_REQUEST);
        assertError("{ node(id: \"" + GlobalId.of("Product", "09506000134376") + "\") { id } }", ErrorType.NOT_FOUND);
        assertError("{ product(gtin: \"09506000134377\") { gtin } }", ErrorType.BAD_REQUEST);
        assertError("{ traceCode(gtin: \"09506000134377\", lot: \"L1\", serial: \"S1\") { id } }", ErrorType.BAD_REQUEST);
        assertError("{ traceCode(uri: \"/01/09506000134376/21/S1/10/L1\") { id } }", ErrorType.BAD_REQUEST);
        assertError("{ traceCode(uri: \"/01/09506000134376/10/L1/21/NEVER-ISSUED\") { id } }", ErrorType.NOT_FOUND);
        assertError("{ traceCode(gtin: \"09506000134376\") { id } }", ErrorType.BAD_REQUEST);
        assertError("{ batches(first: -1) { totalCount } }", ErrorType.BAD_REQUEST);
        assertError("{ batches(first: 100000) { totalCount } }", ErrorType.BAD_REQUEST);
        assertError("{ batches(after: \"garbage\") { totalCount } }", ErrorType.BAD_REQUEST);
        assertError("{ search(text: \"   \") { totalCount } }", ErrorType.BAD_REQUEST);
    }

    private void assertError(String document, ErrorType expected) {
        graphQl.document(document).execute().errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.getFirst().getErrorType()).as(document).isEqualTo(expected);
            assertThat(errors.getFirst().getMessage()).doesNotContain("Exception").doesNotContain("at io.");
        });
    }
}
