package io.crosstrace.hub.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.crosstrace.gs1.Gln;
import io.crosstrace.gs1.Gtin;
import io.crosstrace.hub.HubIntegrationTest;
import io.crosstrace.hub.Partners;
import io.crosstrace.hub.graphql.GlobalId;
import io.crosstrace.hub.security.AuthenticationFailedException;
import io.crosstrace.hub.security.AuthService;

/**
 * The article's story through the API, as the different organizations: a new producer applies and is approved,
 * registers premises and files a product, records a batch; the inspection body audits, inspects and certifies;
 * the producer mints codes; the exporter ships; the importer declares. Along the way, every state-machine rule
 * and every cross-organization attempt is refused, and each party (and the public) sees what it should.
 */
@HubIntegrationTest
class ArticleStoryTest {

    @Autowired
    HttpGraphQlTester anonymous;
    @Autowired
    AuthService auth;
    @Autowired
    Neo4jClient neo4j;

    private final String suffix = String.format("%05d", ThreadLocalRandom.current().nextInt(100_000));

    @Test
    void from_registration_to_declaration_with_every_rule_enforced() {
        // Registration: a new producer applies without signing in; it cannot act until approved.
        String prefix = "93" + suffix; // 7-digit GS1 company prefix
        String producerGln = Gln.fromDataDigits(prefix + "00001").value();
        String applicationId = mutate(anonymous, """
                mutation($in: OrganizationApplyInput!) { organizationApply(input: $in) {
                  application { id status kind } userErrors { code } } }""", Map.of("in", Map.of(
                "gln", producerGln, "name", "Kangaroo Valley Dairy " + suffix, "country", "AU", "roles", List.of("PRODUCER"),
                "gs1CompanyPrefix", prefix, "adminUsername", "kv-" + suffix, "adminPassword", "kangaroo-valley-pass",
                "idempotencyKey", "apply-" + suffix)))
                .path("organizationApply.application.status").entity(String.class).isEqualTo("PENDING")
                .path("organizationApply.application.id").entity(String.class).get();
        assertThatThrownBy(() -> auth.login("kv-" + suffix, "kangaroo-valley-pass", "test")).as("pending organization")
                .isInstanceOf(AuthenticationFailedException.class);

        assess(as("producer"), applicationId, "APPROVE").errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
        assess(as("admin"), applicationId, "APPROVE").path("applicationAssess.application.status").entity(String.class)
                .isEqualTo("APPROVED");
        HttpGraphQlTester producer = asNew("kv-" + suffix, "kangaroo-valley-pass");

        // Premises registration and product filing, assessed by the port inspection authority.
        String premisesGln = Gln.fromDataDigits(prefix + "00018").value();
        String premisesApplication = mutate(producer, """
                mutation($in: PremisesRegisterInput!) { premisesRegister(input: $in) { application { id status } userErrors { code } } }""",
                Map.of("in", Map.of("gln", premisesGln, "name", "Kangaroo Valley plant", "country", "AU", "latitude", -34.73,
                        "longitude", 150.53, "registrationNumber", "AUS-" + suffix)))
                .path("premisesRegister.application.id").entity(String.class).get();
        String gtin = Gtin.fromDataDigits("0" + prefix + "00012").value();
        String productApplication = mutate(producer, """
                mutation($in: ProductFileInput!) { productFile(input: $in) { application { id } userErrors { code } } }""",
                Map.of("in", Map.of("gtin", gtin, "nameEn", "Valley infant formula stage 1", "nameZh", "山谷婴儿配方奶粉 1段",
                        "brand", "Valley", "netContent", "800 g", "category", "INFANT_FORMULA", "labelText", "Label text")))
                .path("productFile.application.id").entity(String.class).get();
        String lot = "KV" + suffix;
        Map<String, Object> batchInput = Map.of("gtin", gtin, "lot", lot, "premises", premisesGln,
                "productionDate", LocalDate.now().minusDays(20).toString(), "expiryDate", LocalDate.now().plusDays(500).toString(),
                "idempotencyKey", "batch-" + suffix);
        mutate(producer, BATCH_CREATE, Map.of("in", batchInput)).path("batchCreate.userErrors[0].code").entity(String.class)
                .isEqualTo("PRODUCT_NOT_APPROVED");
        assess(as("inspector"), premisesApplication, "APPROVE").path("applicationAssess.application.status").entity(String.class).isEqualTo("APPROVED");
        assess(as("inspector"), productApplication, "APPROVE").path("applicationAssess.application.status").entity(String.class).isEqualTo("APPROVED");

        // The batch, created once however often the request is retried.
        String batchId = mutate(producer, BATCH_CREATE, Map.of("in", batchInput)).path("batchCreate.batch.id").entity(String.class).get();
        assertThat(mutate(producer, BATCH_CREATE, Map.of("in", batchInput)).path("batchCreate.batch.id").entity(String.class).get())
                .isEqualTo(batchId);
        assertThat(count("MATCH (b:Batch {gtin: $gtin, lot: $lot}) RETURN count(b) AS n", Map.of("gtin", gtin, "lot", lot))).isEqualTo(1);
        Map<String, Object> changed = new java.util.HashMap<>(batchInput);
        changed.put("expiryDate", LocalDate.now().plusDays(400).toString());
        mutate(producer, BATCH_CREATE, Map.of("in", changed)).path("batchCreate.userErrors[0].code").entity(String.class)
                .isEqualTo("IDEMPOTENCY_KEY_REUSED");

        // The inspection body works only for producers that engaged it, in the order the chain requires.
        String auditorId = GlobalId.of("Organization", string("MATCH (o:Organization) WHERE 'AUDITOR' IN o.roles RETURN o.gln ORDER BY o.gln LIMIT 1"));
        HttpGraphQlTester auditor = as("auditor");
        inspect(auditor, Map.of("kind", "PREMISES_AUDIT", "premises", premisesGln, "result", "PASS"))
                .path("inspectionRecord.userErrors[0].code").entity(String.class).isEqualTo("NOT_ENGAGED");
        mutate(producer, "mutation($in: AuditorEngageInput!) { auditorEngage(input: $in) { auditor { id } userErrors { code } } }",
                Map.of("in", Map.of("auditor", auditorId))).path("auditorEngage.auditor.id").entity(String.class).isEqualTo(auditorId);
        inspect(auditor, Map.of("kind", "PRE_SHIPMENT_INSPECTION", "batch", batchId, "result", "PASS", "sampledQuantity", 12))
                .path("inspectionRecord.userErrors[0].code").entity(String.class).isEqualTo("PREMISES_NOT_AUDITED");
        inspect(auditor, Map.of("kind", "PREMISES_AUDIT", "premises", premisesGln, "result", "PASS",
                "performedOn", LocalDate.now().minusDays(10).toString())).path("inspectionRecord.inspection.result").entity(String.class).isEqualTo("PASS");
        inspect(auditor, Map.of("kind", "LABEL_APPROVAL", "batch", batchId, "result", "PASS", "performedOn", LocalDate.now().minusDays(3).toString()))
                .path("inspectionRecord.inspection.kind").entity(String.class).isEqualTo("LABEL_APPROVAL");
        inspect(auditor, Map.of("kind", "PRE_SHIPMENT_INSPECTION", "batch", batchId, "result", "FAIL", "sampledQuantity", 12,
                "findings", "2 of 12 sampled tins with damaged seals", "performedOn", LocalDate.now().minusDays(2).toString())).path("inspectionRecord.inspection.result").entity(String.class).isEqualTo("FAIL");
        Map<String, Object> certificateInput = Map.of("batch", batchId, "validUntil", LocalDate.now().plusDays(300).toString());
        mutate(auditor, CERTIFICATE_ISSUE, Map.of("in", certificateInput)).path("certificateIssue.userErrors[0].code")
                .entity(String.class).isEqualTo("INSPECTION_FAILED");
        inspect(auditor, Map.of("kind", "PRE_SHIPMENT_INSPECTION", "batch", batchId, "result", "PASS", "sampledQuantity", 12))
                .path("inspectionRecord.inspection.sampledQuantity").entity(Integer.class).isEqualTo(12);
        GraphQlTester.Response issued = mutate(auditor, CERTIFICATE_ISSUE, Map.of("in", certificateInput));
        issued.path("certificateIssue.certificate.status").entity(String.class).isEqualTo("VALID")
                .path("certificateIssue.certificate.signatureCheck").entity(String.class).isEqualTo("VERIFIED");
        String certificateNumber = issued.path("certificateIssue.certificate.number").entity(String.class).get();

        // Codes: only the batch's producer mints them.
        mutate(as("producer2"), CODES, Map.of("in", Map.of("batch", batchId, "count", 5)))
                .path("batchIssueCodes.userErrors[0].code").entity(String.class).isEqualTo("BATCH_NOT_FOUND");
        GraphQlTester.Response minted = mutate(producer, CODES, Map.of("in", Map.of("batch", batchId, "count", 50, "idempotencyKey", "codes-" + suffix)));
        minted.path("batchIssueCodes.issuedCount").entity(Integer.class).isEqualTo(50);
        String unit = minted.path("batchIssueCodes.codes[0].uri").entity(String.class).get();
        // As printed on the label: with the producer's signature (AI 8030).
        String label = minted.path("batchIssueCodes.codes[0].signedUri").entity(String.class).get();

        // The exporter ships what is certified; the importer declares no more than was shipped.
        String melbourne = string("MATCH (l:Location {country: 'AU', kind: 'PORT'}) RETURN l.gln ORDER BY l.gln LIMIT 1");
        String pingtan = string("MATCH (l:Location {country: 'CN', kind: 'PORT'}) RETURN l.gln ORDER BY l.gln LIMIT 1");
        String shipmentNumber = "SHP-" + suffix;
        Map<String, Object> shipment = Map.of("number", shipmentNumber, "container", "MSCU" + suffix + "00", "seal", "SL-" + suffix,
                "billOfLading", "BL-" + suffix, "vessel", "Strait Star", "mode", "SEA", "portOfLoading", melbourne,
                "portOfDischarge", pingtan, "items", List.of(Map.of("batch", batchId, "quantity", 60)));
        mutate(as("exporter"), SHIPMENT, Map.of("in", shipment)).path("shipmentCreate.userErrors[0].code").entity(String.class)
                .isEqualTo("QUANTITY_EXCEEDS_BATCH");
        Map<String, Object> fits = new java.util.HashMap<>(shipment);
        fits.put("items", List.of(Map.of("batch", batchId, "quantity", 40)));
        String shipmentId = mutate(as("exporter"), SHIPMENT, Map.of("in", fits)).path("shipmentCreate.shipment.id").entity(String.class).get();
        inspect(auditor, Map.of("kind", "LOADING_SUPERVISION", "shipment", shipmentId, "result", "PASS"))
                .path("inspectionRecord.inspection.kind").entity(String.class).isEqualTo("LOADING_SUPERVISION");
        Map<String, Object> declaration = new java.util.HashMap<>(Map.of("declarationNumber", "PT" + suffix + "0001", "shipment", shipmentId,
                "arrivalPort", pingtan, "documents", List.of(Map.of("number", "INV-" + suffix, "kind", "COMMERCIAL_INVOICE")),
                "items", List.of(Map.of("batch", batchId, "quantity", 41))));
        declaration.put("items", List.of(Map.of("batch", batchId, "quantity", 40, "productionDate", batchInput.get("expiryDate"),
                "expiryDate", batchInput.get("productionDate"))));
        mutate(as("importer"), DECLARE, Map.of("in", declaration)).path("consignmentDeclare.userErrors[0].code").entity(String.class)
                .isEqualTo("INVALID_DATES");
        declaration.put("items", List.of(Map.of("batch", batchId, "quantity", 41)));
        mutate(as("importer"), DECLARE, Map.of("in", declaration)).path("consignmentDeclare.userErrors[0].code").entity(String.class)
                .isEqualTo("QUANTITY_EXCEEDS_SHIPPED");
        // The documents state the batch's dates, which the port compares with the batch's.
        declaration.put("items", List.of(Map.of("batch", batchId, "quantity", 40, "productionDate", batchInput.get("productionDate"),
                "expiryDate", batchInput.get("expiryDate"))));
        String consignmentId = mutate(as("importer"), DECLARE, Map.of("in", declaration))
                .path("consignmentDeclare.consignment.status").entity(String.class).isEqualTo("DECLARED")
                .path("consignmentDeclare.consignment.id").entity(String.class).get();

        // Cross-organization attempts are refused.
        mutate(as("importer2"), STATUS, Map.of("in", Map.of("consignment", consignmentId, "status", "IN_TRANSIT")))
                .path("consignmentStatusChange.userErrors[0].code").entity(String.class).isEqualTo("NOT_YOUR_STEP");
        mutate(as("importer"), STATUS, Map.of("in", Map.of("consignment", consignmentId, "status", "RELEASED")))
                .path("consignmentStatusChange.userErrors[0].code").entity(String.class).isEqualTo("INVALID_TRANSITION");
        mutate(as("importer"), STATUS, Map.of("in", Map.of("consignment", consignmentId, "status", "IN_TRANSIT")))
                .path("consignmentStatusChange.consignment.status").entity(String.class).isEqualTo("IN_TRANSIT");
        mutate(as("importer"), STATUS, Map.of("in", Map.of("consignment", consignmentId, "status", "ARRIVED")))
                .path("consignmentStatusChange.consignment.status").entity(String.class).isEqualTo("ARRIVED");

        // At the port, the inspector scans a unit: every pre-shipment result matches the documents, so the green lane.
        as("inspector").document("""
                query($c: ID!, $codes: [String!]!) { portVerification(consignment: $c, codes: $codes) {
                  verdict codes { failures { check status reason } } } }""")
                .variable("c", consignmentId).variable("codes", List.of(label)).execute()
                .path("portVerification.codes[0].failures").entityList(Object.class).hasSize(0)
                .path("portVerification.verdict").entity(String.class).isEqualTo("GREEN");
        mutate(as("inspector"), """
                mutation($in: ConsignmentDecideInput!) { consignmentDecide(input: $in) { consignment { status }
                  inspection { kind result } userErrors { code message } } }""",
                Map.of("in", Map.of("consignment", consignmentId, "decision", "RELEASE", "codes", List.of(label),
                        "note", "Pre-shipment results match the documents", "idempotencyKey", "release-" + suffix)))
                .path("consignmentDecide.userErrors").entityList(Object.class).hasSize(0)
                .path("consignmentDecide.consignment.status").entity(String.class).isEqualTo("RELEASED")
                .path("consignmentDecide.inspection.result").entity(String.class).isEqualTo("PASS");

        // Who sees what.
        String consignmentQuery = "query($id: ID!) { node(id: $id) { ... on Consignment { declarationNumber documents { number } "
                + "shipment { billOfLading } } } }";
        as("importer").document(consignmentQuery).variable("id", consignmentId).execute()
                .path("node.documents[0].number").entity(String.class).isEqualTo("INV-" + suffix)
                .path("node.shipment.billOfLading").entity(String.class).isEqualTo("BL-" + suffix);
        as("inspector").document(consignmentQuery).variable("id", consignmentId).execute()
                .path("node.documents[0].number").entity(String.class).isEqualTo("INV-" + suffix);
        as("analyst").document(consignmentQuery).variable("id", consignmentId).execute()
                .path("node.declarationNumber").entity(String.class).isEqualTo("PT" + suffix + "0001")
                .path("node.documents").entityList(Object.class).hasSize(0)
                .path("node.shipment.billOfLading").valueIsNull();
        // Someone else's consignment or batch looks exactly like one that does not exist.
        as("importer2").document(consignmentQuery).variable("id", consignmentId).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("NOT_FOUND")));
        as("producer2").document("query($id: ID!) { node(id: $id) { id } }").variable("id", batchId).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("NOT_FOUND")));
        as("producer2").document("query($gtin: String!, $lot: String!) { batch(gtin: $gtin, lot: $lot) { id } }")
                .variable("gtin", gtin).variable("lot", lot).execute().path("batch").valueIsNull();
        producer.document("query { batches(first: 50) { edges { node { producer { gln } } } } }").execute()
                .path("batches.edges[*].node.producer.gln").entityList(String.class).satisfies(glns ->
                        assertThat(glns).isNotEmpty().allMatch(producerGln::equals));

        // The public reads the unit by its code, with the signed certificate, but no commercial details.
        anonymous.document("query($uri: String!) { traceCode(uri: $uri) { batch { lot } producer { name } "
                        + "certificates { number signatureCheck } consignments { declarationNumber } shipments { billOfLading } } }")
                .variable("uri", unit).execute()
                .path("traceCode.batch.lot").entity(String.class).isEqualTo(lot)
                .path("traceCode.certificates[0].number").entity(String.class).isEqualTo(certificateNumber)
                .path("traceCode.certificates[0].signatureCheck").entity(String.class).isEqualTo("VERIFIED")
                .path("traceCode.consignments").entityList(Object.class).hasSize(0)
                .path("traceCode.shipments[0].billOfLading").valueIsNull();
        // Every step is also an EPCIS event, linked to the batch.
        assertThat(neo4j.query("""
                MATCH (e:EpcisEvent)-[:OBSERVED]->(:Batch {gtin: $gtin, lot: $lot})
                RETURN e.bizStep + '/' + e.disposition AS step""").bindAll(Map.of("gtin", gtin, "lot", lot)).fetchAs(String.class).all())
                .containsExactlyInAnyOrder("commissioning/active", "inspecting/conformant", "inspecting/non_conformant", "inspecting/conformant",
                        "inspecting/conformant", "shipping/in_transit", "loading/conformant", "arriving/in_progress",
                        "inspecting/in_progress", "accepting/conformant");
        assertThat(count("""
                MATCH (e:EpcisEvent {bizStep: 'commissioning', action: 'ADD'})-[:OBSERVED]->(:Batch {gtin: $gtin, lot: $lot})
                RETURN count(e) AS n""", Map.of("gtin", gtin, "lot", lot))).isEqualTo(1);
        assertThat(count("""
                MATCH (e:EpcisEvent {bizStep: 'shipping'})-[:FOR_TRANSACTION]->(:Shipment {number: $n}) RETURN count(e) AS n""",
                Map.of("n", shipmentNumber))).isEqualTo(1);
        assertThat(count("""
                MATCH (e:EpcisEvent {bizStep: 'accepting'})-[:FOR_TRANSACTION]->(:Consignment {declarationNumber: $n}) RETURN count(e) AS n""",
                Map.of("n", "PT" + suffix + "0001"))).isEqualTo(1);

        // Every step is on the record, and the record is intact.
        producer.document("{ ledgerEntries(first: 100) { edges { node { action target organization } } } }").execute()
                .path("ledgerEntries.edges[*].node.action").entityList(String.class)
                .contains("premises.register", "product.file", "batch.create", "auditor.engage", "batch.issueCodes")
                .path("ledgerEntries.edges[*].node.organization").entityList(String.class)
                .satisfies(organizations -> assertThat(organizations).allMatch(producerGln::equals));
        as("analyst").document("{ ledgerEntries(first: 100) { edges { node { action } } } }").execute()
                .path("ledgerEntries.edges[*].node.action").entityList(String.class)
                .contains("organization.apply", "application.assess", "inspection.record", "certificate.issue",
                        "shipment.create", "consignment.declare", "consignment.status");
        as("admin").document("{ ledgerVerification { ok } }").execute().path("ledgerVerification.ok").entity(Boolean.class).isEqualTo(true);

        anonymous.document("{ consignments(first: 1) { edges { node { declarationNumber } } } }").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("UNAUTHORIZED")));
    }

    private static final String BATCH_CREATE = """
            mutation($in: BatchCreateInput!) { batchCreate(input: $in) { batch { id lot } userErrors { code message } } }""";
    private static final String CERTIFICATE_ISSUE = """
            mutation($in: CertificateIssueInput!) { certificateIssue(input: $in) {
              certificate { number status signatureCheck } userErrors { code message } } }""";
    private static final String CODES = """
            mutation($in: BatchIssueCodesInput!) { batchIssueCodes(input: $in) { issuedCount codes(first: 1) { uri signedUri }
              userErrors { code message } } }""";
    private static final String SHIPMENT = """
            mutation($in: ShipmentCreateInput!) { shipmentCreate(input: $in) { shipment { id } userErrors { code message } } }""";
    private static final String DECLARE = """
            mutation($in: ConsignmentDeclareInput!) { consignmentDeclare(input: $in) { consignment { id status }
              userErrors { code message } } }""";
    private static final String STATUS = """
            mutation($in: ConsignmentStatusChangeInput!) { consignmentStatusChange(input: $in) { consignment { status }
              userErrors { code message } } }""";

    private GraphQlTester.Response assess(HttpGraphQlTester tester, String application, String decision) {
        return mutate(tester, """
                mutation($in: ApplicationAssessInput!) { applicationAssess(input: $in) { application { status } userErrors { code } } }""",
                Map.of("in", Map.of("application", application, "decision", decision)));
    }

    private GraphQlTester.Response inspect(HttpGraphQlTester tester, Map<String, Object> input) {
        return mutate(tester, """
                mutation($in: InspectionRecordInput!) { inspectionRecord(input: $in) {
                  inspection { number kind result sampledQuantity } userErrors { code message } } }""", Map.of("in", input));
    }

    private static GraphQlTester.Response mutate(HttpGraphQlTester tester, String document, Map<String, Object> variables) {
        return tester.document(document).variables(variables).execute();
    }

    private HttpGraphQlTester as(String user) {
        return Partners.as(anonymous, auth, user).mutate().responseTimeout(Duration.ofSeconds(60)).build();
    }

    private HttpGraphQlTester asNew(String user, String password) {
        String token = auth.login(user, password, "test").accessToken();
        return anonymous.mutate().header("Authorization", "Bearer " + token).responseTimeout(Duration.ofSeconds(60)).build();
    }

    private long count(String cypher, Map<String, Object> parameters) {
        return neo4j.query(cypher).bindAll(parameters).fetchAs(Long.class).one().orElseThrow();
    }

    private String string(String cypher) {
        return neo4j.query(cypher).fetchAs(String.class).one().orElseThrow();
    }
}
