package io.crosstrace.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.crosstrace.hub.graphdb.CypherStatementCounter;
import io.crosstrace.hub.security.AuthService;

/**
 * A page of consignments reads the nested fields it was asked for together with the page, and answers exactly as the
 * same consignments read one by one through the batch loaders, for every partner, whose rules decide which
 * consignments, documents and shipping papers they see.
 */
@HubIntegrationTest
class ConsignmentPageLookAheadTest {

    /** Everything the page reads ahead, and fields it leaves to their loaders (documents, papers, product). */
    private static final String NODE = """
            declarationNumber status declaredOn
            arrivalPort { gln name } importer { gln name }
            documents { number kind }
            shipment { number container seal billOfLading carrier { name } portOfLoading { name } portOfDischarge { gln } }
            declaredItems { quantity productionDate expiryDate
              batch { gtin lot productionDate product { nameEn }
                certificates { number kind status validUntil issuer { gln name } } } }""";

    @Autowired
    HttpGraphQlTester graphQl;
    @Autowired
    AuthService auth;
    @Autowired
    CypherStatementCounter statements;

    @ParameterizedTest
    @ValueSource(strings = {"admin", "importer", "inspector", "exporter", "analyst"})
    void the_page_answers_as_each_consignment_read_alone(String partner) {
        HttpGraphQlTester as = Partners.as(graphQl, auth, partner);
        List<Map<String, Object>> page = nodes(as.document("{ consignments(first: 50) { edges { node { " + NODE
                + " } } } }").execute().path("consignments.edges[*].node").entityList(Object.class).get());
        assertThat(page).as("consignments %s sees", partner).isNotEmpty();

        for (Map<String, Object> node : page) {
            Object alone = as.document("query($n: String!) { consignment(declarationNumber: $n) { " + NODE + " } }")
                    .variable("n", node.get("declarationNumber")).execute().path("consignment").entity(Object.class).get();
            assertThat(node).as("consignment %s for %s", node.get("declarationNumber"), partner).isEqualTo(alone);
        }
    }

    @Test
    void the_nested_fields_cost_no_statement_of_their_own() {
        HttpGraphQlTester admin = Partners.as(graphQl, auth, "admin");
        long withNested = fewestStatements(() -> admin.document("{ consignments(first: 50) { totalCount edges { node { "
                + "declarationNumber arrivalPort { name } importer { name } shipment { number carrier { name } "
                + "portOfLoading { name } portOfDischarge { name } } declaredItems { quantity batch { lot "
                + "certificates { number issuer { name } } } } } } } }").execute()
                .path("consignments.edges[*].node.declaredItems[*].batch.certificates[*].issuer.name").hasValue()
                .path("consignments.edges[*].node.shipment.carrier.name").hasValue());
        long flat = fewestStatements(() -> admin.document(
                "{ consignments(first: 50) { totalCount edges { node { declarationNumber } } } }").execute()
                .path("consignments.edges").hasValue());

        assertThat(flat).as("the page and its count").isEqualTo(2);
        assertThat(withNested).as("the nested fields come with the page's own statement").isEqualTo(2);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> nodes(List<Object> nodes) {
        return nodes.stream().map(n -> (Map<String, Object>) n).toList();
    }

    /**
     * The fewest statements of three runs: the counter is process-wide, and background work (scan writes, webhook
     * deliveries, ledger checkpoints) may add a statement during any one run.
     */
    private long fewestStatements(Runnable request) {
        return LongStream.range(0, 3).map(run -> {
            long before = statements.count();
            request.run();
            return statements.count() - before;
        }).min().orElseThrow();
    }
}
