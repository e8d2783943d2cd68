package io.crosstrace.hub.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.crosstrace.gs1.DigitalLink;
import io.crosstrace.hub.DemoData;
import io.crosstrace.hub.HubIntegrationTest;
import io.crosstrace.hub.code.CodeSigner;

@HubIntegrationTest
class ResolverTest {

    @LocalServerPort
    int port;
    @Autowired
    Driver driver;
    @Autowired
    CodeSigner signer;
    @Autowired
    HttpGraphQlTester graphQl;
    @Autowired
    io.crosstrace.hub.security.AuthService auth;

    @org.junit.jupiter.api.BeforeEach
    void signInAsPartner() {
        graphQl = io.crosstrace.hub.Partners.as(graphQl, auth, "admin");
    }

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final ObjectMapper json = new ObjectMapper();
    private String unit;
    private DigitalLink link;

    @BeforeEach
    void aShippedUnit() {
        unit = DemoData.shippedUnitPath(driver);
        link = DigitalLink.parse(unit);
    }

    @Test
    void a_browser_gets_the_scan_page_in_chinese_with_verdict_origin_journey_and_certificates() throws Exception {
        HttpResponse<String> page = get(unit + "?8030=" + signer.signature(link), "text/html", "zh-CN,zh;q=0.9");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.headers().firstValue("Link").orElseThrow()).contains("rel=\"linkset\"");
        String productZh = DemoData.strings(driver, "MATCH (p:Product {gtin: '" + link.gtin().value() + "'}) RETURN p.nameZh").getFirst();
        assertThat(page.body())
                .contains("lang=\"zh-CN\"", "class=\"v v-GENUINE\"", "正品", "数字签名有效", Html.escape(productZh),
                        "id=\"origin\"", "id=\"journey\"", "工厂审核", "装运前检验", "启运", "id=\"certificates\"",
                        link.serial().value(), "举报问题");
    }

    @Test
    void english_is_chosen_by_accept_language_and_by_the_switch() throws Exception {
        assertThat(get(unit, "text/html", "en-AU,en;q=0.9").body())
                .contains("lang=\"en\"", "Genuine", "Premises audit", "Pre-shipment inspection", "Report a problem");
        assertThat(get(unit + "?lang=en", "text/html", "zh-CN").body()).contains("lang=\"en\"", "Journey");
        assertThat(get(unit + "?lang=zh", "text/html", "en").body()).contains("lang=\"zh-CN\"", "溯源旅程");
    }

    @Test
    void the_page_is_light_self_contained_and_mobile_ready() throws Exception {
        String body = get(unit, "text/html", "zh-CN").body();

        assertThat(body.getBytes(StandardCharsets.UTF_8).length).isLessThan(60 * 1024);
        assertThat(body).contains("name=\"viewport\" content=\"width=device-width,initial-scale=1\"");
        assertThat(body).doesNotContain("<script", "src=\"http", "href=\"http", "@import", "url(");
    }

    @Test
    void a_linkset_is_served_for_the_linkset_media_type_and_link_type() throws Exception {
        for (HttpResponse<String> response : List.of(get(unit, "application/linkset+json", null),
                get(unit + "?linkType=linkset", "*/*", null))) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/linkset+json");
            JsonNode context = json.readTree(response.body()).get("linkset").get(0);
            assertThat(context.get("anchor").asText()).endsWith(unit);
            assertThat(context.get("https://gs1.org/voc/defaultLink")).hasSize(1);
            assertThat(context.get("https://gs1.org/voc/pip").get(0).get("href").asText()).endsWith("/scan" + unit);
            assertThat(context.has("https://gs1.org/voc/certificationInfo")).isTrue();
            assertThat(context.has("https://gs1.org/voc/traceability")).isTrue();
            assertThat(context.has("https://gs1.org/voc/verificationService")).isTrue();
            assertThat(context.get("https://gs1.org/voc/pip").get(0).get("hreflang").toString()).contains("zh-CN", "en");
        }
        JsonNode gtinLevel = json.readTree(get("/01/" + link.gtin().value() + "?linkType=linkset", "*/*", null).body());
        assertThat(gtinLevel.get("linkset").get(0).has("https://gs1.org/voc/verificationService")).isFalse();
    }

    @Test
    void link_types_redirect_with_the_query_string_and_missing_ones_are_404() throws Exception {
        HttpResponse<String> certificates = get(unit + "?linkType=gs1:certificationInfo&src=label", "*/*", null);
        assertThat(certificates.statusCode()).isEqualTo(307);
        assertThat(certificates.headers().firstValue("Location").orElseThrow())
                .contains("/scan" + unit).contains("src=label").endsWith("#certificates").doesNotContain("linkType");

        HttpResponse<String> verification = get(unit + "?linkType=https://gs1.org/voc/verificationService", "*/*", null);
        assertThat(verification.headers().firstValue("Location").orElseThrow()).contains("/api/verify" + unit);

        assertThat(get("/01/" + link.gtin().value() + "?linkType=gs1:verificationService", "*/*", null).statusCode())
                .isEqualTo(404);
        assertThat(get(unit + "?linkType=gs1:nonsense", "*/*", null).statusCode()).isEqualTo(404);
    }

    @Test
    void other_clients_are_redirected_to_the_default_link() throws Exception {
        HttpResponse<String> response = get(unit + "?17=280101", "application/json", null);
        assertThat(response.statusCode()).isEqualTo(307);
        assertThat(response.headers().firstValue("Location").orElseThrow()).contains("/scan" + unit + "?17=280101");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    }

    @Test
    void head_options_and_trailing_slash_behave() throws Exception {
        HttpResponse<String> head = http.send(HttpRequest.newBuilder(uri(unit)).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();

        HttpResponse<String> options = http.send(HttpRequest.newBuilder(uri(unit)).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(options.statusCode()).isEqualTo(204);
        assertThat(options.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(options.headers().firstValue("Allow").orElseThrow()).contains("GET", "HEAD", "OPTIONS");

        assertThat(get(unit + "/", "text/html", "en").statusCode()).isEqualTo(200);
    }

    @Test
    void syntax_errors_are_400_pages_in_both_languages() throws Exception {
        String gtin = link.gtin().value();
        String badCheckDigit = gtin.substring(0, 13) + ((gtin.charAt(13) - '0' + 1) % 10);
        for (String path : List.of("/01/" + badCheckDigit + "/10/L1/21/S1", "/01/" + gtin + "/21/S1/10/L1",
                "/01/" + gtin + "/10/" + "L".repeat(21), "/01/" + gtin + "/10/L%20%7B1%7D", "/01/" + gtin + "/99/x")) {
            HttpResponse<String> page = get(path, "text/html", "zh-CN");
            assertThat(page.statusCode()).as(path).isEqualTo(400);
            assertThat(page.body()).as(path).contains("无法识别的追溯码", "This code cannot be read");
            HttpResponse<String> problem = get(path, "application/json", null);
            assertThat(problem.statusCode()).isEqualTo(400);
            assertThat(problem.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        }
    }

    @Test
    void a_well_formed_code_never_issued_is_a_404_not_registered_page() throws Exception {
        HttpResponse<String> page = get(link.path().replace(link.serial().value(), "NEVERISSUED1"), "text/html", "en");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Not a registered code", "未注册的追溯码");
    }

    @Test
    void a_forged_or_tampered_signature_is_shown_as_not_genuine() throws Exception {
        String genuine = signer.signature(link);
        String forged = genuine.substring(0, genuine.length() - 4) + (genuine.endsWith("AAAA") ? "BBBB" : "AAAA");
        HttpResponse<String> page = get(unit + "?8030=" + URLEncoder.encode(forged, StandardCharsets.UTF_8), "text/html", "en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("class=\"v v-NOT_GENUINE\"", "Not genuine");

        String otherUnit = DemoData.strings(driver, "MATCH (c:TraceCode) WHERE c.path <> '" + unit + "' RETURN c.path LIMIT 1").getFirst();
        String signatureOfAnother = signer.signature(DigitalLink.parse(otherUnit));
        assertThat(get(unit + "?8030=" + signatureOfAnother, "text/html", "en").body()).contains("class=\"v v-NOT_GENUINE\"");

        JsonNode verification = json.readTree(get("/api/verify" + unit + "?8030=" + genuine, "application/json", null).body());
        assertThat(verification.get("verdict").asText()).isEqualTo("GENUINE");
        assertThat(verification.get("signature").asText()).isEqualTo("VALID");
    }

    @Test
    void a_recalled_batch_is_shown_as_recalled() throws Exception {
        graphQl.document("query($u: String) { traceCode(uri: $u) { verdict } }").variable("u", unit).execute()
                .path("traceCode.verdict").entity(String.class).isEqualTo("GENUINE");
        driver.executableQuery("""
                MATCH (b:Batch {gtin: $gtin, lot: $lot})
                CREATE (:Recall {number: 'RC-TEST-1', reason: 'Test recall: foreign matter', status: 'ACTIVE'})-[:RECALLS]->(b)""")
                .withParameters(Map.of("gtin", link.gtin().value(), "lot", link.lot().value())).execute();
        try {
            HttpResponse<String> page = get(unit, "text/html", "en");
            assertThat(page.body()).contains("class=\"v v-RECALLED\"", "Recalled", "Test recall: foreign matter");
            assertThat(get("/01/" + link.gtin().value() + "/10/" + link.lot().value(), "text/html", "en").body())
                    .contains("class=\"v v-RECALLED\"");
            graphQl.document("query($u: String) { traceCode(uri: $u) { verdict } }").variable("u", unit).execute()
                    .path("traceCode.verdict").entity(String.class).isEqualTo("RECALLED");
        } finally {
            driver.executableQuery("MATCH (r:Recall {number: 'RC-TEST-1'}) DETACH DELETE r").execute();
        }
    }

    @Test
    void product_batch_and_premises_levels_resolve_too() throws Exception {
        assertThat(get("/01/" + link.gtin().value(), "text/html", "en").body()).contains("Product information");
        String batchPage = get("/01/" + link.gtin().value() + "/10/" + link.lot().value(), "text/html", "en").body();
        assertThat(batchPage).contains("Batch information", "Premises audit", link.lot().value());
        String gln = DemoData.strings(driver, "MATCH (p:Premises) RETURN p.gln LIMIT 1").getFirst();
        assertThat(get("/414/" + gln, "text/html", "en").body()).contains("Premises information", gln.substring(0, 3));
        assertThat(get("/414/9520123456789", "text/html", "en").statusCode()).isEqualTo(400);
    }

    @Test
    void the_resolver_describes_itself() throws Exception {
        HttpResponse<String> response = get("/.well-known/gs1resolver", "application/json", null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode description = json.readTree(response.body());
        assertThat(description.get("supportedPrimaryKeys").toString()).contains("01", "414");
        assertThat(description.get("resolverRoot").asText()).startsWith("http://");
    }

    @Test
    void certificate_pages_tell_the_certificate_standing() throws Exception {
        String revoked = DemoData.strings(driver, "MATCH (c:Certificate {status: 'REVOKED'}) RETURN c.number").getFirst();
        assertThat(get("/certificates/" + revoked + "?lang=en", "text/html", null).body()).contains("revoked");
        assertThat(get("/certificates/NO-SUCH-CERT", "text/html", "en").statusCode()).isEqualTo(404);
    }

    @Test
    void a_certificate_page_verifies_the_issuers_signature_and_shows_an_altered_certificate_as_not_genuine() throws Exception {
        String number = DemoData.strings(driver, "MATCH (c:Certificate {status: 'VALID', kind: 'TRACEABILITY'}) WHERE c.validFrom <= date() <= c.validUntil RETURN c.number ORDER BY c.number").getFirst();
        String signed = get("/certificates/" + number + "?lang=en", "text/html", null).body();
        assertThat(signed).contains("sig-VERIFIED").contains("Verified: signed by the issuer").contains("class=\"v v-GENUINE\"");

        // Someone with database access extends the validity: the signature no longer matches.
        String original = DemoData.strings(driver, "MATCH (c:Certificate {number: '" + number + "'}) RETURN toString(c.validUntil)").getFirst();
        driver.executableQuery("MATCH (c:Certificate {number: $n}) SET c.validUntil = c.validUntil + duration('P5Y')")
                .withParameters(java.util.Map.of("n", number)).execute();
        try {
            String altered = get("/certificates/" + number + "?lang=en", "text/html", null).body();
            assertThat(altered).contains("sig-INVALID").contains("class=\"v v-NOT_GENUINE\"").doesNotContain("class=\"v v-GENUINE\"");
        } finally {
            driver.executableQuery("MATCH (c:Certificate {number: $n}) SET c.validUntil = date($d)")
                    .withParameters(java.util.Map.of("n", number, "d", original)).execute();
        }
        assertThat(get("/certificates/" + number + "?lang=en", "text/html", null).body()).contains("sig-VERIFIED");
    }

    HttpResponse<String> get(String path, String accept, String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
