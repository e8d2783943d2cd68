package io.crosstrace.hub.port;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.transaction.PlatformTransactionManager;

import io.crosstrace.hub.HubIntegrationTest;
import io.crosstrace.hub.Partners;
import io.crosstrace.hub.batch.Batch;
import io.crosstrace.hub.certificate.CertificateSignatures;
import io.crosstrace.hub.code.CodeSigner;
import io.crosstrace.hub.graphql.GlobalId;
import io.crosstrace.hub.port.PortVerificationTest.Check;
import io.crosstrace.hub.port.PortVerificationTest.Code;
import io.crosstrace.hub.port.PortVerificationTest.Verification;
import io.crosstrace.hub.security.AuthService;

/**
 * Events that partners capture over EPCIS join the chain: a unit recorded as damaged is AMBER at the port, one
 * recorded as stolen RED; the consumer's scan page shows the partner's record in the journey, the forward trace lists
 * the records and the producer's goods carry risk for them.
 */
@HubIntegrationTest
class PartnerEventsAtThePortTest {

    @LocalServerPort
    int port;
    @Autowired
    HttpGraphQlTester graphQl;
    @Autowired
    AuthService auth;
    @Autowired
    Neo4jClient neo4j;
    @Autowired
    CodeSigner signer;
    @Autowired
    CertificateSignatures signatures;
    @Autowired
    PlatformTransactionManager transactions;

    private final HttpClient http = HttpClient.newHttpClient();
    private GreenLaneFixture chain;

    @BeforeEach
    void aCompleteChain() {
        chain = GreenLaneFixture.create(neo4j, signer, signatures, transactions);
    }

    @AfterEach
    void removeIt() {
        neo4j.query("""
                MATCH (e:EpcisEvent) WHERE EXISTS { (e)-[:OBSERVED]->(:Batch {gtin: $gtin}) }
                   OR EXISTS { (e)-[:OBSERVED]->(:TraceCode {gtin: $gtin}) }
                DETACH DELETE e""").bindAll(Map.of("gtin", chain.gtin)).run();
        chain.delete();
    }

    @Test
    void a_damaged_unit_is_amber_and_a_stolen_batch_red_and_the_consumer_sees_the_partner_record() throws Exception {
        Code clean = verify().codes().getFirst();
        assertThat(clean.verdict()).isEqualTo("GREEN");
        assertThat(clean.check("PARTNER_EVENTS").status()).isEqualTo("PASS");

        String unit = "https://id.gs1.org" + chain.paths.getFirst();
        assertThat(capture("\"epcList\": [\"" + unit + "\"]", "damaged").statusCode()).isEqualTo(201);
        Code damaged = verify().codes().getFirst();
        assertThat(damaged.verdict()).isEqualTo("AMBER");
        assertThat(damaged.check("PARTNER_EVENTS")).satisfies(c -> {
            assertThat(c.status()).isEqualTo("WARN");
            assertThat(c.reason()).contains("damaged");
        });
        String page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + chain.paths.getFirst()))
                .header("Accept", "text/html").header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("Partner record", "inspecting (damaged)");

        String lotClass = "https://id.gs1.org/01/" + chain.gtin + "/10/" + chain.lot;
        assertThat(capture("\"epcList\": [], \"quantityList\": [{\"epcClass\": \"" + lotClass + "\", \"quantity\": 10}]", "stolen")
                .statusCode()).isEqualTo(201);
        Code stolen = verify().codes().getFirst();
        assertThat(stolen.verdict()).isEqualTo("RED");
        assertThat(stolen.failures()).extracting(Check::check).containsExactly("PARTNER_EVENTS");

        // The recall investigator's forward trace lists both records, and the producer's goods now carry risk.
        HttpGraphQlTester analyst = Partners.as(graphQl, auth, "analyst");
        analyst.document("query($b: ID!) { forwardTrace(batch: $b) { partnerEvents { bizStep disposition place } } }")
                .variable("b", GlobalId.of(Batch.TYPE, Batch.key(chain.gtin, chain.lot))).execute()
                .path("forwardTrace.partnerEvents[*].disposition").entityList(String.class)
                .satisfies(dispositions -> assertThat(dispositions).containsExactlyInAnyOrder("damaged", "stolen"));
        analyst.document("query($s: ID!) { riskOf(subject: $s) { reasons { rule points evidence } } }")
                .variable("s", chain.consignmentId()).execute()
                .path("riskOf.reasons[?(@.rule == 'PARTNER_EVENTS')].points").entityList(Integer.class).containsExactly(20)
                .path("riskOf.reasons[?(@.rule == 'PARTNER_EVENTS')].evidence[*]").entityList(String.class)
                .satisfies(evidence -> assertThat(evidence).anyMatch(e -> e.contains("stolen")));
    }

    /** The port authority records an observation at its port over the EPCIS interface. */
    private HttpResponse<String> capture(String what, String disposition) throws Exception {
        String event = """
                {"@context": ["https://ref.gs1.org/standards/epcis/epcis-context.jsonld"], "type": "ObjectEvent",
                 "eventTime": "%s", "eventTimeZoneOffset": "+08:00", "action": "OBSERVE", %s,
                 "bizStep": "inspecting", "disposition": "%s", "readPoint": {"id": "https://id.gs1.org/414/%s"}}"""
                .formatted(Instant.now().truncatedTo(ChronoUnit.MILLIS), what, disposition, chain.port);
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/epcis/events"))
                .header("Content-Type", "application/ld+json").header("Authorization", "Bearer " + Partners.token(auth, "inspector"))
                .POST(HttpRequest.BodyPublishers.ofString(event)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private Verification verify() {
        return Partners.as(graphQl, auth, "inspector").document(PortVerificationTest.VERIFY)
                .variable("c", chain.consignmentId()).variable("codes", List.of(chain.signedUri(0))).execute()
                .path("portVerification").entity(Verification.class).get();
    }
}
