package io.crosstrace.hub.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.crosstrace.gs1.DigitalLink;
import io.crosstrace.hub.HubIntegrationTest;
import io.crosstrace.hub.code.TestBatches.TestBatch;
import io.crosstrace.hub.graphql.GlobalId;

@HubIntegrationTest
class BatchIssueCodesMutationTest {

    private static final String ISSUE = """
            mutation($input: BatchIssueCodesInput!) {
              batchIssueCodes(input: $input) {
                batch { id lot quantity product { nameEn } }
                issuedCount
                codes(first: 3) { uri signedUri traceCode { serial status batch { lot } } }
                userErrors { field message code }
              }
            }""";

    @Autowired
    HttpGraphQlTester graphQl;
    @Autowired
    io.crosstrace.hub.security.AuthService auth;

    @org.junit.jupiter.api.BeforeEach
    void signInAsPartner() {
        graphQl = io.crosstrace.hub.Partners.as(graphQl, auth, "producer");
    }
    @Autowired
    CodeSigner signer;
    @Autowired
    Driver driver;
    @LocalServerPort
    int port;

    @Test
    void the_mutation_issues_codes_and_answers_with_signed_uris_on_this_hub() {
        TestBatch batch = TestBatches.create(driver);

        GraphQlTester.Response response = issue(batch.globalId(), 40, null);

        response.path("batchIssueCodes.userErrors").entityList(Object.class).hasSize(0);
        response.path("batchIssueCodes.issuedCount").entity(Integer.class).isEqualTo(40);
        response.path("batchIssueCodes.batch.id").entity(String.class).isEqualTo(batch.globalId());
        response.path("batchIssueCodes.batch.quantity").entity(Integer.class).isEqualTo(40);
        response.path("batchIssueCodes.batch.product.nameEn").entity(String.class).isEqualTo(batch.productName());
        List<Map<String, Object>> codes = codesOf(response);
        assertThat(codes).hasSize(3);
        for (Map<String, Object> code : codes) {
            String uri = (String) code.get("uri");
            String signedUri = (String) code.get("signedUri");
            DigitalLink link = DigitalLink.parse(uri);
            assertThat(URI.create(uri).getPort()).isEqualTo(port);
            assertThat(link.gtin()).isEqualTo(batch.gtin());
            assertThat(link.lot()).isEqualTo(batch.lot());
            assertThat(signedUri).isEqualTo(uri + "?8030=" + signer.signature(link));
            assertThat(signer.verify(link, URI.create(signedUri).getQuery().substring("8030=".length())))
                    .isEqualTo(SignatureCheck.VALID);
            @SuppressWarnings("unchecked")
            Map<String, Object> traceCode = (Map<String, Object>) code.get("traceCode");
            assertThat(traceCode).containsEntry("serial", link.serial().value()).containsEntry("status", "ACTIVE");
        }
        assertThat(TestBatches.codesOf(driver, batch)).isEqualTo(40);
    }

    @Test
    void a_retry_with_the_same_idempotency_key_returns_the_same_codes_and_mints_nothing() {
        TestBatch batch = TestBatches.create(driver);
        String key = "label-run-" + UUID.randomUUID();

        List<Map<String, Object>> first = codesOf(issue(batch.globalId(), 12, key));
        GraphQlTester.Response retry = issue(batch.globalId(), 12, key);

        retry.path("batchIssueCodes.issuedCount").entity(Integer.class).isEqualTo(12);
        assertThat(codesOf(retry)).isEqualTo(first);
        assertThat(TestBatches.codesOf(driver, batch)).isEqualTo(12);
    }

    @Test
    void counts_out_of_range_and_unknown_or_malformed_batches_come_back_as_user_errors() {
        TestBatch batch = TestBatches.create(driver);

        assertUserError(issue(batch.globalId(), 0, null), List.of("input", "count"), "COUNT_OUT_OF_RANGE");
        assertUserError(issue(batch.globalId(), 100_001, null), List.of("input", "count"), "COUNT_OUT_OF_RANGE");
        assertUserError(issue(GlobalId.of("Batch", batch.gtin().value() + "/NO-SUCH-LOT"), 5, null),
                List.of("input", "batch"), "BATCH_NOT_FOUND");
        assertUserError(issue("not-an-id", 5, null), List.of("input", "batch"), "INVALID_ID");
        assertUserError(issue(GlobalId.of("Product", batch.gtin().value()), 5, null), List.of("input", "batch"), "INVALID_ID");

        assertThat(TestBatches.codesOf(driver, batch)).isZero();
        assertThat(TestBatches.quantityOf(driver, batch)).isZero();
    }

    private GraphQlTester.Response issue(String batchId, int count, String key) {
        Map<String, Object> input = new HashMap<>(Map.of("batch", batchId, "count", count));
        if (key != null) {
            input.put("idempotencyKey", key);
        }
        return graphQl.document(ISSUE).variable("input", input).execute();
    }

    private static void assertUserError(GraphQlTester.Response response, List<String> field, String code) {
        response.path("batchIssueCodes.issuedCount").entity(Integer.class).isEqualTo(0);
        response.path("batchIssueCodes.batch").valueIsNull();
        response.path("batchIssueCodes.codes").entityList(Object.class).hasSize(0);
        response.path("batchIssueCodes.userErrors[0].code").entity(String.class).isEqualTo(code);
        response.path("batchIssueCodes.userErrors[0].field").entityList(String.class).isEqualTo(field);
        response.path("batchIssueCodes.userErrors[0].message").entity(String.class)
                .satisfies(message -> assertThat(message).isNotBlank());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> codesOf(GraphQlTester.Response response) {
        return response.path("batchIssueCodes.codes").entityList(Map.class).get().stream()
                .map(m -> (Map<String, Object>) m).toList();
    }
}
