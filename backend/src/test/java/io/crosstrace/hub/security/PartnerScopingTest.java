package io.crosstrace.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.crosstrace.hub.HubIntegrationTest;
import io.crosstrace.hub.Partners;

/** What each partner sees in the lists, one role at a time: its own part of the chain and nothing else. */
@HubIntegrationTest
class PartnerScopingTest {

    @Autowired
    HttpGraphQlTester graphQl;
    @Autowired
    AuthService auth;
    @Autowired
    Neo4jClient neo4j;
    @Autowired
    Driver driver;

    @Test
    void importers_see_only_their_own_consignments() {
        for (String importer : List.of("importer", "importer2")) {
            List<String> importers = as(importer).document("{ consignments(first: 500) { edges { node { importer { gln } } } } }")
                    .execute().path("consignments.edges[*].node.importer.gln").entityList(String.class).get();
            assertThat(importers).isNotEmpty().containsOnly(organizationOf(importer));
        }
    }

    @Test
    void port_inspectors_see_consignments_arriving_at_their_ports_only() {
        String elsewhere = "ELSEWHERE" + UUID.randomUUID().toString().substring(0, 8);
        neo4j.query("""
                MATCH (o:Organization) WHERE 'IMPORTER' IN o.roles WITH o ORDER BY o.gln LIMIT 1
                MATCH (l:Location {country: 'AU'}) WITH o, l ORDER BY l.gln LIMIT 1
                CREATE (o)-[:IMPORTS]->(:Consignment {declarationNumber: $n, status: 'DECLARED', declaredOn: date()})-[:ARRIVES_AT]->(l)""")
                .bind(elsewhere).to("n").run();

        List<String> seen = as("inspector").document("{ consignments(first: 500) { edges { node { declarationNumber arrivalPort { country } } } } }")
                .execute().path("consignments.edges[*].node.arrivalPort.country").entityList(String.class).get();
        List<String> numbers = as("inspector").document("{ consignments(first: 500) { edges { node { declarationNumber } } } }")
                .execute().path("consignments.edges[*].node.declarationNumber").entityList(String.class).get();

        assertThat(seen).isNotEmpty().containsOnly("CN");
        assertThat(numbers).doesNotContain(elsewhere);
        assertThat(as("importer").document("{ consignments(first: 500) { edges { node { declarationNumber } } } }").execute()
                .path("consignments.edges[*].node.declarationNumber").entityList(String.class).get()).contains(elsewhere);
    }

    @Test
    void exporters_and_carriers_see_the_shipments_they_ship() {
        for (String shipper : List.of("exporter", "logistics")) {
            List<String> carriers = as(shipper).document("{ shipments(first: 500) { edges { node { carrier { gln } } } } }")
                    .execute().path("shipments.edges[*].node.carrier.gln").entityList(String.class).get();
            assertThat(carriers).containsOnly(organizationOf(shipper));
        }
    }

    @Test
    void an_auditor_sees_the_batches_of_producers_that_engaged_it_and_not_others() {
        String lot = "NOTENGAGED" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        neo4j.query("""
                MATCH (p:Product) WITH p ORDER BY p.gtin LIMIT 1
                CREATE (o:Organization {gln: '9399999000017', name: 'Unengaged producer', country: 'AU', roles: ['PRODUCER']})
                  -[:OPERATES]->(m:Premises {gln: '9399999000024', name: 'Unengaged plant', country: 'AU'})
                CREATE (m)-[:PRODUCED]->(:Batch {gtin: p.gtin, lot: $lot, productionDate: date(), expiryDate: date() + duration('P1Y')})
                  -[:OF_PRODUCT]->(p)""").bind(lot).to("lot").run();
        try {
            List<String> lots = as("auditor").document("{ batches(first: 500) { edges { node { lot } } } }").execute()
                    .path("batches.edges[*].node.lot").entityList(String.class).get();
            long engagedBatches = neo4j.query("""
                    MATCH (:Organization)-[:ENGAGES]->(a:Organization) WHERE 'AUDITOR' IN a.roles
                    MATCH (b:Batch) WHERE EXISTS { (a)<-[:ENGAGES]-(:Organization)-[:OPERATES]->(:Premises)-[:PRODUCED]->(b) }
                    RETURN count(DISTINCT b)""").fetchAs(Long.class).one().orElseThrow();

            assertThat(lots).doesNotContain(lot).hasSize((int) Math.min(500, engagedBatches));
            as("admin").document("query($lot: String) { batches(filter: {text: $lot}) { totalCount } }").variable("lot", lot)
                    .execute().path("batches.totalCount").entity(Integer.class).isEqualTo(1);
        } finally {
            neo4j.query("MATCH (o:Organization {gln: '9399999000017'})-[:OPERATES]->(m)-[:PRODUCED]->(b) DETACH DELETE o, m, b").run();
        }
    }

    @Test
    void a_producer_sees_inspections_of_its_own_premises_and_batches_only() {
        String producer = organizationOf("producer");
        List<String> subjects = as("producer").document("""
                { inspections(first: 500) { edges { node { subject {
                    ... on Premises { operator { gln } } ... on Batch { producer { gln } } } } } } }""").execute()
                .path("inspections.edges[*].node.subject").entityList(Object.class).get().stream().map(String::valueOf).toList();

        assertThat(subjects).isNotEmpty().allMatch(s -> s.contains(producer));
    }

    @Test
    void a_caller_with_two_roles_sees_the_consignments_of_either_and_a_producer_sees_none() {
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        neo4j.query("""
                CREATE (o:Organization {gln: $gln, name: 'Importer and inspector', country: 'CN', roles: ['IMPORTER', 'INSPECTOR']})
                CREATE (port:Location {gln: $port, name: 'Test port', country: 'CN'})
                CREATE (o)-[:INSPECTS_AT]->(port)
                CREATE (o)-[:IMPORTS]->(:Consignment {declarationNumber: 'OWN' + $s, status: 'DECLARED', declaredOn: date()})
                CREATE (:Consignment {declarationNumber: 'PORT' + $s, status: 'DECLARED', declaredOn: date()})-[:ARRIVES_AT]->(port)""")
                .bindAll(Map.of("gln", "ORG-" + suffix, "port", "PORT-" + suffix, "s", suffix)).run();
        String gln = "ORG-" + suffix;
        try {
            assertThat(visibleConsignments(Actor.user("both", gln, Role.IMPORTER, Role.INSPECTOR)))
                    .containsExactlyInAnyOrder("OWN" + suffix, "PORT" + suffix);
            assertThat(visibleConsignments(Actor.user("importer", gln, Role.IMPORTER))).containsExactly("OWN" + suffix);
            assertThat(visibleConsignments(Actor.user("inspector", gln, Role.INSPECTOR))).containsExactly("PORT" + suffix);
            assertThat(visibleConsignments(Actor.user("producer", gln, Role.PRODUCER))).isEmpty();
            as("producer").document("{ consignments(first: 500) { totalCount edges { node { declarationNumber } } } }")
                    .execute().path("consignments.totalCount").entity(Long.class).isEqualTo(0L);
        } finally {
            neo4j.query("""
                    MATCH (n:Organization|Location|Consignment) WHERE n.gln IN [$gln, $port] OR n.declarationNumber IN ['OWN' + $s, 'PORT' + $s]
                    DETACH DELETE n""").bindAll(Map.of("gln", gln, "port", "PORT-" + suffix, "s", suffix)).run();
        }
    }

    private List<String> visibleConsignments(Actor actor) {
        return driver.executableQuery(Visibility.consignments(actor) + "RETURN c.declarationNumber AS n")
                .withParameters(Visibility.parameters(actor)).execute().records().stream()
                .map(r -> r.get("n").asString()).toList();
    }

    @Test
    void analysts_read_everything_but_commercial_documents() {
        long all = neo4j.query("MATCH (b:Batch) RETURN count(b)").fetchAs(Long.class).one().orElseThrow();
        as("analyst").document("{ batches { totalCount } }").execute().path("batches.totalCount").entity(Long.class).isEqualTo(all);

        String documents = "{ consignments(first: 50) { edges { node { documents { number } shipment { billOfLading seal } } } } }";
        assertThat(as("analyst").document(documents).execute().path("consignments.edges[*].node.documents[*].number")
                .entityList(String.class).get()).isEmpty();
        assertThat(as("analyst").document(documents).execute().path("consignments.edges[*].node.shipment.billOfLading")
                .entityList(String.class).get()).allMatch(b -> b == null);
        assertThat(as("admin").document(documents).execute().path("consignments.edges[*].node.documents[*].number")
                .entityList(String.class).get()).isNotEmpty();
    }

    @Test
    void anonymous_callers_get_no_lists_at_all() {
        for (String list : List.of("batches", "shipments", "consignments", "inspections", "organizations", "products",
                "certificates", "allPremises")) {
            graphQl.document("{ " + list + " { totalCount } }").execute().errors().satisfy(errors ->
                    assertThat(errors).as(list).singleElement()
                            .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("UNAUTHORIZED")));
        }
        graphQl.document("{ search(text: \"formula\") { edges { score } } }").execute().errors()
                .satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("UNAUTHORIZED")));
    }

    private HttpGraphQlTester as(String user) {
        return Partners.as(graphQl, auth, user);
    }

    private String organizationOf(String username) {
        return neo4j.query("MATCH (:User {username: $u})-[:MEMBER_OF]->(o) RETURN o.gln").bind(username).to("u")
                .fetchAs(String.class).one().orElseThrow();
    }
}
