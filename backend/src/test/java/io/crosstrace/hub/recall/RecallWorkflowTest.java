package io.crosstrace.hub.recall;

import static io.crosstrace.hub.recall.RecallFixtures.count;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.crosstrace.hub.HubIntegrationTest;
import io.crosstrace.hub.Partners;
import io.crosstrace.hub.graphql.GlobalId;
import io.crosstrace.hub.recall.RecallFixtures.DemoBatch;
import io.crosstrace.hub.security.AuthService;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recalls from initiation to closing: what consumers and partners see, who is told, what the ledger records, and
 * who may recall what. Every recall made here is deleted afterwards: other test classes read demo units' scan pages.
 */
@HubIntegrationTest
class RecallWorkflowTest {

    private static final String INITIATE = """
            mutation($in: RecallInitiateInput!) { recallInitiate(input: $in) {
              recall { id number status classification reason reasonZh voluntary initiatedAt initiatedBy initiator { gln }
                       batches { gtin lot } }
              userErrors { code field message } } }""";
    private static final String CLOSE = """
            mutation($in: RecallCloseInput!) { recallClose(input: $in) {
              recall { number status closedAt closedBy note } userErrors { code field } } }""";
    /** The verdict section of a recalled unit (the style sheet names the class too, so look for the element). */
    private static final String BANNER = "class=\"v v-RECALLED\"";
    private static final String REASON = "Recall test: possible contamination with Cronobacter sakazakii";
    private static final String REASON_ZH = "召回测试：可能受阪崎肠杆菌污染";

    @LocalServerPort
    int port;
    @Autowired
    HttpGraphQlTester graphQl;
    @Autowired
    AuthService auth;
    @Autowired
    Driver driver;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final List<String> subscriptions = new ArrayList<>();
    private DemoBatch batch;
    private String unit;

    @BeforeEach
    void aDeclaredBatch() {
        batch = RecallFixtures.declaredBatchOfProducer(driver, 0);
        unit = RecallFixtures.unitPaths(driver, batch, 1).getFirst();
    }

    @AfterEach
    void deleteRecallsAndSubscriptions() {
        driver.executableQuery("MATCH (r:Recall) WHERE r.reason STARTS WITH 'Recall test:' DETACH DELETE r").execute();
        driver.executableQuery("""
                MATCH (s:WebhookSubscription) WHERE s.id IN $ids
                SET s.active = false
                WITH s OPTIONAL MATCH (s)<-[:FOR]-(d:WebhookDelivery {status: 'PENDING'})
                SET d.status = 'CANCELLED', d.nextAttemptAt = null""").withParameters(Map.of("ids", subscriptions)).execute();
    }

    @Test
    void an_inspectors_recall_is_on_the_scan_page_told_to_subscribers_and_ledgered_until_it_is_closed() throws Exception {
        assertThat(page(unit, "en").body()).doesNotContain(BANNER);
        String importerHook = subscribe("importer");
        String authorityHook = subscribe("inspector");
        String producerHook = subscribe("producer");
        String bystanderHook = subscribe("logistics");

        GraphQlTester.Response initiated = mutate("inspector", INITIATE, initiateInput(List.of(batch.id()), "recall-" + unit));
        initiated.path("recallInitiate.userErrors").entityList(Object.class).hasSize(0);
        String number = initiated.path("recallInitiate.recall.number").entity(String.class).get();
        assertThat(number).matches("RCL-\\d{8}-[2-9A-Z]{6}");
        initiated.path("recallInitiate.recall.status").entity(String.class).isEqualTo("ACTIVE")
                .path("recallInitiate.recall.classification").entity(String.class).isEqualTo("CLASS_I")
                .path("recallInitiate.recall.reasonZh").entity(String.class).isEqualTo(REASON_ZH)
                .path("recallInitiate.recall.voluntary").entity(Boolean.class).isEqualTo(false)
                .path("recallInitiate.recall.initiatedBy").entity(String.class).isEqualTo("inspector")
                .path("recallInitiate.recall.initiator.gln").entity(String.class).isEqualTo(RecallFixtures.organizationOf(driver, "inspector"))
                .path("recallInitiate.recall.batches[*].lot").entityList(String.class).containsExactly(batch.lot());
        assertThat(count(driver, """
                MATCH (r:Recall {number: $n, status: 'ACTIVE'})-[:RECALLS]->(:Batch {gtin: $gtin, lot: $lot})
                WHERE r.initiatedAt IS NOT NULL AND r.initiatedBy = 'inspector' AND r.classification = 'CLASS_I'
                RETURN count(r)""", Map.of("n", number, "gtin", batch.gtin(), "lot", batch.lot()))).as("the shape others read").isEqualTo(1);

        // Consumers: the scan page of every unit of the batch, in both languages, and the resolver's links.
        assertThat(page(unit, "en").body()).contains(BANNER, "Recalled", REASON);
        assertThat(page(RecallFixtures.unitPaths(driver, batch, 5).getLast(), "zh-CN").body()).contains(BANNER, "已召回", REASON_ZH).doesNotContain(REASON);
        JsonNode linkset = JsonMapper.builder().build().readTree(get(unit, "application/linkset+json", null).body());
        assertThat(linkset.get("linkset").get(0).get("https://gs1.org/voc/recallStatus").get(0).get("href").asString())
                .endsWith("/scan" + unit + "#status");
        HttpResponse<String> recallStatus = get(unit + "?linkType=gs1:recallStatus", "*/*", null);
        assertThat(recallStatus.statusCode()).isEqualTo(307);
        assertThat(recallStatus.headers().firstValue("Location").orElseThrow()).endsWith("#status");
        graphQl.document("query($u: String) { traceCode(uri: $u) { verdict } }").variable("u", unit).execute()
                .path("traceCode.verdict").entity(String.class).isEqualTo("RECALLED");

        // The port: a unit of the batch arriving in the importer's consignment is held for the recall.
        String consignment = driver.executableQuery("""
                MATCH (:User {username: 'importer'})-[:MEMBER_OF]->(:Organization)-[:IMPORTS]->(c:Consignment)-[:DECLARES]->(:Batch {gtin: $gtin, lot: $lot})
                WHERE EXISTS { (:User {username: 'inspector'})-[:MEMBER_OF]->(:Organization)-[:INSPECTS_AT]->(:Location)<-[:ARRIVES_AT]-(c) }
                RETURN c.declarationNumber AS number ORDER BY number LIMIT 1""")
                .withParameters(Map.of("gtin", batch.gtin(), "lot", batch.lot())).execute().records().getFirst().get("number").asString();
        RecallFixtures.patient(Partners.as(graphQl, auth, "inspector")).document("""
                query($c: ID!, $codes: [String!]!) { portVerification(consignment: $c, codes: $codes) {
                  verdict codes { failures { check reason } } } }""")
                .variable("c", GlobalId.of("Consignment", consignment)).variable("codes", List.of(unit)).execute()
                .path("portVerification.verdict").entity(String.class).isEqualTo("RED")
                .path("portVerification.codes[0].failures[?(@.check == 'RECALL')].reason").entityList(String.class)
                .satisfies(reasons -> assertThat(reasons).singleElement().asString().contains(number, REASON));

        // Partners concerned are told; others are not.
        assertThat(deliveries(importerHook)).as("the importer that declared the batch").isEqualTo(1);
        assertThat(deliveries(authorityHook)).as("the authority of the port of arrival").isEqualTo(1);
        assertThat(deliveries(producerHook)).as("the producer").isEqualTo(1);
        assertThat(deliveries(bystanderHook)).as("a carrier that did not carry it").isZero();
        JsonNode event = JsonMapper.builder().build().readTree(driver.executableQuery(
                "MATCH (d:WebhookDelivery)-[:FOR]->(:WebhookSubscription {id: $id}) RETURN d.payload")
                .withParameters(Map.of("id", importerHook)).execute().records().getFirst().get(0).asString());
        assertThat(event.get("type").asString()).isEqualTo("RECALL_ISSUED");
        assertThat(event.get("subject").asString()).isEqualTo("Recall:" + number);
        assertThat(event.get("data").get("recall").asString()).isEqualTo(number);
        assertThat(event.get("data").get("classification").asString()).isEqualTo("CLASS_I");
        assertThat(event.get("data").get("batches").get(0).get("lot").asString()).isEqualTo(batch.lot());

        // Partners read it: in the lists, on the batch, by number.
        assertThat(ledger("recall.initiate", number)).isEqualTo(1);
        mutate("admin", "query($g: String!, $l: String!) { batch(gtin: $g, lot: $l) { recalls { number status } } }",
                Map.of("g", batch.gtin(), "l", batch.lot())).path("batch.recalls[0].number").entity(String.class).isEqualTo(number);
        assertThat(mutate("admin", "{ recalls(status: ACTIVE, first: 500) { totalCount edges { node { number } } } }", Map.of())
                .path("recalls.edges[*].node.number").entityList(String.class).get()).contains(number);
        mutate("importer", "query($n: String!) { recall(number: $n) { number initiatedBy batches { lot } } }", Map.of("n", number))
                .path("recall.number").entity(String.class).isEqualTo(number)
                .path("recall.initiatedBy").valueIsNull()
                .path("recall.batches[0].lot").entity(String.class).isEqualTo(batch.lot());
        mutate("importer", "query($id: ID!) { node(id: $id) { ... on Recall { number } } }",
                Map.of("id", GlobalId.of("Recall", number))).path("node.number").entity(String.class).isEqualTo(number);
        if (count(driver, """
                MATCH (:User {username: 'importer2'})-[:MEMBER_OF]->(:Organization)-[:IMPORTS]->(:Consignment)-[:DECLARES]->(b:Batch {gtin: $gtin, lot: $lot})
                RETURN count(b)""", batch.parameters()) == 0) {
            mutate("importer2", "query($n: String!) { recall(number: $n) { number } }", Map.of("n", number))
                    .path("recall").valueIsNull();
            assertThat(mutate("importer2", "{ recalls(first: 500) { edges { node { number } } } }", Map.of())
                    .path("recalls.edges[*].node.number").entityList(String.class).get()).doesNotContain(number);
        }
        graphQl.document("query($n: String!) { recall(number: $n) { number } }").variable("n", number).execute().errors()
                .satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("UNAUTHORIZED")));

        // Closing takes it off the scan page, and is ledgered too.
        mutate("inspector", CLOSE, Map.of("in", Map.of("recall", GlobalId.of("Recall", number), "note", "98% of units recovered")))
                .path("recallClose.userErrors").entityList(Object.class).hasSize(0)
                .path("recallClose.recall.status").entity(String.class).isEqualTo("CLOSED")
                .path("recallClose.recall.closedBy").entity(String.class).isEqualTo("inspector")
                .path("recallClose.recall.note").entity(String.class).isEqualTo("98% of units recovered")
                .path("recallClose.recall.closedAt").entity(String.class).satisfies(at -> assertThat(at).isNotBlank());
        assertThat(page(unit, "en").body()).doesNotContain(BANNER).doesNotContain(REASON);
        graphQl.document("query($u: String) { traceCode(uri: $u) { verdict } }").variable("u", unit).execute()
                .path("traceCode.verdict").entity(String.class).satisfies(v -> assertThat(v).isNotEqualTo("RECALLED"));
        assertThat(ledger("recall.close", number)).isEqualTo(1);
        mutate("inspector", CLOSE, Map.of("in", Map.of("recall", GlobalId.of("Recall", number))))
                .path("recallClose.userErrors[0].code").entity(String.class).isEqualTo("ALREADY_CLOSED");
        assertThat(mutate("admin", "{ recalls(status: CLOSED, first: 500) { edges { node { number status } } } }", Map.of())
                .path("recalls.edges[*].node.number").entityList(String.class).get()).contains(number);
        assertThat(ledger("recall.close", number)).as("a refused close writes nothing").isEqualTo(1);
    }

    @Test
    void initiating_again_with_the_same_key_returns_the_first_recall_and_a_recalled_batch_is_not_recalled_twice() {
        Map<String, Object> input = initiateInput(List.of(batch.id()), "same-key-" + unit);
        String first = mutate("admin", INITIATE, input).path("recallInitiate.recall.number").entity(String.class).get();
        String again = mutate("admin", INITIATE, input).path("recallInitiate.recall.number").entity(String.class).get();

        assertThat(again).isEqualTo(first);
        assertThat(count(driver, "MATCH (r:Recall)-[:RECALLS]->(:Batch {gtin: $gtin, lot: $lot}) RETURN count(r)", batch.parameters()))
                .isEqualTo(1);
        assertThat(ledger("recall.initiate", first)).isEqualTo(1);
        Map<String, Object> changed = new HashMap<>(input);
        changed.put("in", new HashMap<>(inputOf(input)));
        inputOf(changed).put("classification", "CLASS_II");
        mutate("admin", INITIATE, changed).path("recallInitiate.userErrors[0].code").entity(String.class)
                .isEqualTo("IDEMPOTENCY_KEY_REUSED");
        inputOf(changed).put("idempotencyKey", "another-" + unit);
        mutate("admin", INITIATE, changed).path("recallInitiate.userErrors[0].code").entity(String.class).isEqualTo("ALREADY_RECALLED")
                .path("recallInitiate.userErrors[0].field").entityList(String.class).containsExactly("input", "batches", "0");
    }

    @Test
    void only_authorities_and_the_producer_of_every_batch_recall() {
        DemoBatch othersBatch = batchOf("producer2");
        Map<String, Object> own = initiateInput(List.of(batch.id()), null);

        // Another producer's batch looks missing: a user error, and nothing is written.
        mutate("producer2", INITIATE, own).path("recallInitiate.recall").valueIsNull()
                .path("recallInitiate.userErrors[0].code").entity(String.class).isEqualTo("BATCH_NOT_FOUND");
        mutate("producer", INITIATE, initiateInput(List.of(batch.id(), othersBatch.id()), null))
                .path("recallInitiate.userErrors[0].code").entity(String.class).isEqualTo("BATCH_NOT_FOUND")
                .path("recallInitiate.userErrors[0].field").entityList(String.class).containsExactly("input", "batches", "1");
        assertThat(count(driver, "MATCH (r:Recall)-[:RECALLS]->(:Batch {gtin: $gtin, lot: $lot}) RETURN count(r)", batch.parameters()))
                .isZero();
        for (String user : List.of("importer", "analyst", "exporter", "auditor", "logistics")) {
            forbidden(mutate(user, INITIATE, own), user);
        }
        graphQl.document(INITIATE).variable("in", inputOf(own)).execute().errors()
                .satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("UNAUTHORIZED")));

        // The producer recalls its own batch voluntarily and closes it; another producer cannot even see it.
        String voluntary = mutate("producer", INITIATE, own).path("recallInitiate.recall.voluntary").entity(Boolean.class).isEqualTo(true)
                .path("recallInitiate.recall.initiatedBy").entity(String.class).isEqualTo("producer")
                .path("recallInitiate.recall.number").entity(String.class).get();
        mutate("producer2", CLOSE, Map.of("in", Map.of("recall", GlobalId.of("Recall", voluntary))))
                .path("recallClose.userErrors[0].code").entity(String.class).isEqualTo("RECALL_NOT_FOUND");
        mutate("producer", CLOSE, Map.of("in", Map.of("recall", GlobalId.of("Recall", voluntary))))
                .path("recallClose.recall.status").entity(String.class).isEqualTo("CLOSED");

        // An authority's recall is closed by an authority, not by the producer.
        String ordered = mutate("inspector", INITIATE, own).path("recallInitiate.recall.number").entity(String.class).get();
        mutate("producer", CLOSE, Map.of("in", Map.of("recall", GlobalId.of("Recall", ordered))))
                .path("recallClose.userErrors[0].code").entity(String.class).isEqualTo("NOT_YOUR_RECALL");
        forbidden(mutate("analyst", CLOSE, Map.of("in", Map.of("recall", GlobalId.of("Recall", ordered)))), "analyst");
        mutate("admin", CLOSE, Map.of("in", Map.of("recall", GlobalId.of("Recall", ordered))))
                .path("recallClose.recall.status").entity(String.class).isEqualTo("CLOSED");
    }

    @Test
    void malformed_input_comes_back_as_user_errors() {
        Map<String, Object> blankReason = initiateInput(List.of(batch.id()), null);
        inputOf(blankReason).put("reason", "  ");
        mutate("admin", INITIATE, blankReason).path("recallInitiate.userErrors[0].code").entity(String.class).isEqualTo("REASON_REQUIRED");
        mutate("admin", INITIATE, initiateInput(List.of(), null)).path("recallInitiate.userErrors[0].code").entity(String.class)
                .isEqualTo("BATCHES_REQUIRED");
        mutate("admin", INITIATE, initiateInput(List.of(batch.id(), batch.id()), null))
                .path("recallInitiate.userErrors[0].code").entity(String.class).isEqualTo("DUPLICATE_BATCH");
        mutate("admin", INITIATE, initiateInput(List.of(GlobalId.of("Shipment", "SHP-1")), null))
                .path("recallInitiate.userErrors[0].code").entity(String.class).isEqualTo("INVALID_ID");
        Map<String, Object> longReason = initiateInput(List.of(batch.id()), null);
        inputOf(longReason).put("reason", "Recall test: " + "x".repeat(2000));
        mutate("admin", INITIATE, longReason).path("recallInitiate.userErrors[0].code").entity(String.class).isEqualTo("REASON_TOO_LONG");
        mutate("admin", CLOSE, Map.of("in", Map.of("recall", GlobalId.of("Recall", "RCL-NO-SUCH"))))
                .path("recallClose.userErrors[0].code").entity(String.class).isEqualTo("RECALL_NOT_FOUND");
        mutate("admin", CLOSE, Map.of("in", Map.of("recall", "not-an-id")))
                .path("recallClose.userErrors[0].code").entity(String.class).isEqualTo("INVALID_ID");
        assertThat(count(driver, "MATCH (r:Recall)-[:RECALLS]->(:Batch {gtin: $gtin, lot: $lot}) RETURN count(r)", batch.parameters()))
                .isZero();
    }

    private static Map<String, Object> initiateInput(List<String> batches, String idempotencyKey) {
        Map<String, Object> in = new HashMap<>();
        in.put("batches", batches);
        in.put("reason", REASON);
        in.put("reasonZh", REASON_ZH);
        in.put("classification", "CLASS_I");
        in.put("idempotencyKey", idempotencyKey);
        return Map.of("in", in);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> inputOf(Map<String, Object> variables) {
        return (Map<String, Object>) variables.get("in");
    }

    private GraphQlTester.Response mutate(String user, String document, Map<String, Object> variables) {
        HttpGraphQlTester tester = RecallFixtures.patient(Partners.as(graphQl, auth, user));
        GraphQlTester.Request<?> request = tester.document(document);
        for (Map.Entry<String, Object> variable : variables.entrySet()) {
            request = request.variable(variable.getKey(), variable.getValue());
        }
        return request.execute();
    }

    private static void forbidden(GraphQlTester.Response response, String user) {
        response.errors().satisfy(errors -> assertThat(errors).as(user).singleElement()
                .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
    }

    /** A webhook subscription to RECALL_ISSUED of the demo user's organization; deactivated after the test. */
    private String subscribe(String username) {
        String id = driver.executableQuery("""
                MATCH (:User {username: $u})-[:MEMBER_OF]->(o:Organization)
                CREATE (o)-[:SUBSCRIBES]->(s:WebhookSubscription {id: randomUUID(), url: 'https://hooks.example.com/recall-test',
                        events: ['RECALL_ISSUED'], description: 'recall test', secret: 'whsec_recall_test', active: true,
                        createdAt: datetime()})
                RETURN s.id""").withParameters(Map.of("u", username)).execute().records().getFirst().get(0).asString();
        subscriptions.add(id);
        return id;
    }

    private long deliveries(String subscription) {
        return count(driver, "MATCH (d:WebhookDelivery {type: 'RECALL_ISSUED'})-[:FOR]->(:WebhookSubscription {id: $id}) RETURN count(d)",
                Map.of("id", subscription));
    }

    private long ledger(String action, String number) {
        return count(driver, "MATCH (e:LedgerEntry {action: $a, target: $t}) RETURN count(e)",
                Map.of("a", action, "t", "Recall:" + number));
    }

    private DemoBatch batchOf(String username) {
        var r = driver.executableQuery("""
                MATCH (:User {username: $u})-[:MEMBER_OF]->(:Organization)-[:OPERATES]->(:Premises)-[:PRODUCED]->(b:Batch)
                RETURN b.gtin AS gtin, b.lot AS lot ORDER BY b.gtin, b.lot LIMIT 1""").withParameters(Map.of("u", username))
                .execute().records().getFirst();
        return new DemoBatch(r.get("gtin").asString(), r.get("lot").asString());
    }

    private HttpResponse<String> page(String path, String language) throws Exception {
        return get(path, "text/html", language);
    }

    private HttpResponse<String> get(String path, String accept, String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().header("Accept", accept);
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
