package io.crosstrace.hub.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neo4j.driver.Driver;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.crosstrace.gs1.DigitalLink;
import io.crosstrace.gs1.Serial;
import io.crosstrace.hub.DemoData;
import io.crosstrace.hub.HubIntegrationTest;
import io.crosstrace.hub.code.TestBatches.TestBatch;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP endpoints of the code feature: the published keys, QR images and label sheets. */
@HubIntegrationTest
class CodeHttpEndpointsTest {

    @LocalServerPort
    int port;
    @Autowired
    Driver driver;
    @Autowired
    CodeSigner signer;
    @Autowired
    SigningKeys keys;
    @Autowired
    CodeMintingService minting;

    private final HttpClient http = HttpClient.newHttpClient();

    /** Codes are issued by the batches' producer. */
    @org.junit.jupiter.api.BeforeEach
    void actAsTheProducer() {
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                new io.crosstrace.hub.security.ActorAuthentication(TestBatches.producer(driver)));
    }

    @org.junit.jupiter.api.AfterEach
    void forgetTheProducer() {
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
    }

    @Test
    void the_public_keys_are_published_as_a_json_web_key_set_that_verifies_the_hubs_signatures() throws Exception {
        HttpResponse<String> response = get("/.well-known/crosstrace-code-keys.json", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(
                c -> assertThat(c).contains("public").contains("max-age=3600"));
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        JsonNode key = JsonMapper.builder().build().readTree(response.body()).get("keys").get(0);
        assertThat(key.get("kty").asString()).isEqualTo("OKP");
        assertThat(key.get("crv").asString()).isEqualTo("Ed25519");
        assertThat(key.get("kid").asString()).isEqualTo(signer.currentKeyId());
        assertThat(key.get("use").asString()).isEqualTo("sig");
        assertThat(key.get("alg").asString()).isEqualTo("EdDSA");
        byte[] raw = Base64.getUrlDecoder().decode(key.get("x").asString());
        assertThat(raw).hasSize(32);

        DigitalLink unit = DigitalLink.parse(DemoData.shippedUnitPath(driver));
        String value = signer.signature(unit);
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(publicKeyFromJwk(raw));
        verifier.update(unit.path().getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(Base64.getUrlDecoder().decode(value.substring(value.indexOf('_') + 1)))).isTrue();
    }

    @Test
    void tests_keep_their_signing_keys_in_a_temporary_folder_not_in_the_data_folder() {
        Path dir = keys.directory().toAbsolutePath();

        assertThat(dir).startsWith(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath());
        assertThat(dir.startsWith(Path.of("data").toAbsolutePath())).isFalse();
    }

    @Test
    void the_qr_png_of_an_issued_code_scans_as_its_signed_uri_on_this_hub_and_is_cacheable() throws Exception {
        DigitalLink unit = DigitalLink.parse(DemoData.shippedUnitPath(driver));
        String expected = "http://127.0.0.1:" + port + unit.path() + "?8030=" + signer.signature(unit);

        HttpResponse<byte[]> png = getBytes("/api/codes/qr.png?size=400&ecc=Q&uri=" + encode("https://id.example.com" + unit.path()), null);

        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(png.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("max-age=3600"));
        assertThat(QrDecoding.decode(png.body()).getText()).isEqualTo(expected);

        String etag = png.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> again = http.send(HttpRequest.newBuilder(uri("/api/codes/qr.png?size=400&ecc=Q&uri="
                + encode(unit.path()))).header("If-None-Match", etag).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(again.statusCode()).isEqualTo(304);
    }

    @Test
    void the_qr_svg_of_an_issued_code_is_served_as_svg() throws Exception {
        DigitalLink unit = DigitalLink.parse(DemoData.shippedUnitPath(driver));

        HttpResponse<String> svg = get("/api/codes/qr.svg?margin=2&uri=" + encode(unit.path()), null);

        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
        assertThat(svg.body()).startsWith("<svg").contains("viewBox=\"0 0 ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"uri=not-a-link", "uri=%2F01%2F09506000134375%2F10%2FL1%2F21%2FX", "uri=%2F01%2F09506000134376%2F10%2FL1",
            "uri=ftp%3A%2F%2Fx%2F01%2F09506000134376%2F10%2FL1%2F21%2FX", "", "uri=%2F01%2F09506000134376%2F10%2FL1%2F21%2FX&ecc=Z",
            "uri=%2F01%2F09506000134376%2F10%2FL1%2F21%2FX&size=big", "uri=%2F01%2F09506000134376%2F10%2FL1%2F21%2FX&size=10"})
    void a_malformed_uri_or_option_is_a_400_problem(String query) throws Exception {
        HttpResponse<String> response = get("/api/codes/qr.png?" + query, "image/png");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JsonMapper.builder().build().readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("detail").asString()).isNotBlank();
    }

    @Test
    void a_well_formed_code_the_hub_never_issued_is_a_404_problem_and_gets_no_signature() throws Exception {
        HttpResponse<String> response = get("/api/codes/qr.svg?uri=" + encode("/01/09506000134376/10/L1/21/NEVER-ISSUED"), null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).doesNotContain("8030");
    }

    @Test
    void a_batch_label_sheet_is_a_pdf_attachment_with_its_codes_in_serial_order() throws Exception {
        TestBatch batch = TestBatches.create(driver);
        minting.issueCodes(batch.gtin(), batch.lot(), 30, null);
        String firstSerial = driver.executableQuery("""
                MATCH (:Batch {gtin: $gtin, lot: $lot})-[:HAS_UNIT]->(c:TraceCode)
                RETURN c.serial ORDER BY c.serial LIMIT 1""").withParameters(batch.parameters()).execute()
                .records().getFirst().get(0).asString();

        HttpResponse<byte[]> response = getBytes(labelsPath(batch) + "?count=30", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).startsWith("attachment").contains("labels-" + batch.gtin().value()));
        PdfReader pdf = new PdfReader(response.body());
        assertThat(pdf.getNumberOfPages()).isEqualTo(2);
        assertThat(new PdfTextExtractor(pdf).getTextFromPage(1)).contains("(21) " + firstSerial);
        DigitalLink first = DigitalLink.unit(batch.gtin(), batch.lot(), new Serial(firstSerial));
        assertThat(LabelSheetRendererTest.decodeImagesOfPage(pdf, 1))
                .contains("http://127.0.0.1:" + port + first.path() + "?8030=" + signer.signature(first));
    }

    @Test
    void a_thousand_label_sheet_is_served_in_seconds() throws Exception {
        TestBatch batch = TestBatches.create(driver);
        minting.issueCodes(batch.gtin(), batch.lot(), 1_000, null);

        long start = System.nanoTime();
        HttpResponse<byte[]> response = getBytes(labelsPath(batch) + "?count=1000", null);
        long millis = (System.nanoTime() - start) / 1_000_000;

        System.out.printf("Label sheet over HTTP: 1000 labels (signing included), %d KiB in %d ms%n",
                response.body().length / 1024, millis);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new PdfReader(response.body()).getNumberOfPages()).isEqualTo(42);
    }

    @Test
    void labels_of_an_unknown_batch_are_a_404_problem_and_oversized_sheets_a_400() throws Exception {
        TestBatch batch = TestBatches.create(driver);

        HttpResponse<String> unknown = get("/api/batches/" + batch.gtin().value() + "/NO-SUCH-LOT/labels.pdf", "application/pdf");
        HttpResponse<String> tooMany = get(labelsPath(batch) + "?count=5001", "application/pdf");
        HttpResponse<String> badGtin = get("/api/batches/09506000134375/L1/labels.pdf", "application/pdf");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(badGtin.statusCode()).isEqualTo(400);
    }

    private static String labelsPath(TestBatch batch) {
        return "/api/batches/" + batch.gtin().value() + "/" + batch.lot().value() + "/labels.pdf";
    }

    private static PublicKey publicKeyFromJwk(byte[] raw) throws Exception {
        byte[] x509 = HexFormat.of().parseHex("302a300506032b6570032100" + HexFormat.of().formatHex(raw));
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    @org.springframework.beans.factory.annotation.Autowired
    io.crosstrace.hub.security.AuthService auth;

    @Test
    void label_sheets_are_for_the_batch_producer_only() throws Exception {
        TestBatch batch = TestBatches.create(driver);
        minting.issueCodes(batch.gtin(), batch.lot(), 3, null);

        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(uri(labelsPath(batch))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> otherProducer = http.send(HttpRequest.newBuilder(uri(labelsPath(batch)))
                .header("Authorization", "Bearer " + io.crosstrace.hub.Partners.token(auth, "producer2")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(otherProducer.statusCode()).as("someone else's batch looks missing").isEqualTo(404);
    }

    /** As the batches' producer: public endpoints ignore the token, label sheets need it. */
    private HttpResponse<String> get(String pathAndQuery, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).GET()
                .header("Authorization", "Bearer " + io.crosstrace.hub.Partners.token(auth, "producer"));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> getBytes(String pathAndQuery, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).GET()
                .header("Authorization", "Bearer " + io.crosstrace.hub.Partners.token(auth, "producer"));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
