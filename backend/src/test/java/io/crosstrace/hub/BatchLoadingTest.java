package io.crosstrace.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.annotation.DirtiesContext;

import io.crosstrace.hub.graphdb.CypherStatementCounter;

/**
 * Child fields of lists load in batches: the number of Cypher statements for a page of consignments with
 * shipments, batches, products and certificates does not grow with the page size. Adds consignments to
 * the world, so it gets a hub of its own.
 */
@HubIntegrationTest
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BatchLoadingTest {

    private static final String PAGE = """
            query($first: Int) {
              consignments(first: $first) {
                edges { node {
                  declarationNumber status importer { name } arrivalPort { name }
                  documents { kind }
                  declaredItems { quantity batch { lot product { nameEn } certificates { number issuer { name } } } }
                  shipment { number carrier { name } portOfLoading { name }
                    items { quantity batch { lot premises { name operator { name } } product { nameZh }
                                            certificates { number } inspections { kind performer { name } } } } }
                } }
              }
            }""";

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

    @BeforeAll
    void moreConsignmentsThanOnePage() {
        // Copies of the demo consignments, linked to the same shipments, batches and importers.
        driver.executableQuery("""
                MATCH (c:Consignment)-[:SHIPPED_AS]->(s:Shipment)
                MATCH (imp:Organization)-[:IMPORTS]->(c)-[:ARRIVES_AT]->(port:Location)
                WITH c, s, imp, port
                UNWIND range(1, 5) AS copy
                CREATE (n:Consignment {declarationNumber: c.declarationNumber + '-COPY' + copy, status: c.status,
                                       declaredOn: c.declaredOn})
                CREATE (n)-[:SHIPPED_AS]->(s), (imp)-[:IMPORTS]->(n), (n)-[:ARRIVES_AT]->(port)
                WITH c, n
                MATCH (c)-[d:DECLARES]->(b:Batch)
                CREATE (n)-[:DECLARES {quantity: d.quantity}]->(b)""").execute();
        assertThat(DemoData.count(driver, "MATCH (c:Consignment) RETURN count(c)")).isGreaterThanOrEqualTo(60);
    }

    @Test
    void statements_per_page_do_not_grow_with_the_page_size() {
        long small = statementsFor(2);
        long medium = statementsFor(20);
        long large = statementsFor(50);

        // With one statement per parent, 50 consignments would cost hundreds of statements. Batches load
        // level by level; small pages may split a level over two dispatches, never more.
        assertThat(medium).isLessThanOrEqualTo(small);
        assertThat(large).isLessThanOrEqualTo(small);
        assertThat(large).as("one statement per list and per child field level").isLessThanOrEqualTo(20);
    }

    /**
     * The fewest statements of three runs: the counter is process-wide, and background work (scan writes, webhook
     * deliveries, ledger checkpoints) may add a statement or two during any one run.
     */
    private long statementsFor(int first) {
        return LongStream.range(0, 3).map(run -> statementsOfOneRun(first)).min().orElseThrow();
    }

    private long statementsOfOneRun(int first) {
        long before = statements.count();
        graphQl.document(PAGE).variable("first", first).execute()
                .path("consignments.edges").entityList(Object.class).hasSize(first)
                .path("consignments.edges[*].node.shipment.items[*].batch.premises.operator.name").hasValue()
                .path("consignments.edges[*].node.declaredItems[*].batch.certificates[*].issuer.name").hasValue();
        return statements.count() - before;
    }
}
