package io.crosstrace.hub.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.crosstrace.hub.TestClock;
import io.crosstrace.hub.DemoData;
import io.crosstrace.hub.HubIntegrationTest;

@HubIntegrationTest
class ProblemReportTest {

    @LocalServerPort
    int port;
    @Autowired
    Driver driver;
    @Autowired
    HttpGraphQlTester graphQl;
    @Autowired
    io.crosstrace.hub.security.AuthService auth;

    @org.junit.jupiter.api.BeforeEach
    void signInAsPartner() {
        graphQl = io.crosstrace.hub.Partners.as(graphQl, auth, "admin");
    }
    @Autowired
    ReportRateLimiter limiter;

    @BeforeEach
    void freshWindow() {
        limiter.reset();
    }

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void a_report_is_stored_against_the_unit_and_listed_for_inspectors() throws Exception {
        String unit = DemoData.shippedUnitPath(driver);
        HttpResponse<String> response = post("code=" + enc(unit) + "&what=" + enc("罐底有异物 seal broken")
                + "&where=" + enc("平潭跨境店") + "&lang=zh");

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location").orElseThrow()).isEqualTo("/scan" + unit + "?lang=zh&reported=1");
        assertThat(DemoData.count(driver, "MATCH (:ProblemReport {what: '罐底有异物 seal broken'})-[:ABOUT]->(:TraceCode {path: '"
                + unit + "'}) RETURN count(*)")).isEqualTo(1);
        graphQl.document("{ problemReports(first: 50) { totalCount edges { node { id codePath what whereBought } } } }")
                .execute()
                .path("problemReports.edges[*].node.what").entityList(String.class).contains("罐底有异物 seal broken");
    }

    @Test
    void reports_are_rate_limited_per_client_and_validated() throws Exception {
        String unit = DemoData.shippedUnitPath(driver);
        int created = 0;
        int limited = 0;
        for (int i = 0; i < 8; i++) {
            int status = post("code=" + enc(unit) + "&what=spam" + i).statusCode();
            created += status == 303 ? 1 : 0;
            limited += status == 429 ? 1 : 0;
        }
        assertThat(created).isEqualTo(5);
        assertThat(limited).isEqualTo(3);

        limiter.reset();

        assertThat(post("code=" + enc(unit) + "&what=").statusCode()).isEqualTo(400);
        assertThat(post("code=" + enc(unit) + "&what=" + "x".repeat(1001)).statusCode()).isEqualTo(400);
        assertThat(post("code=" + enc("/01/09506000134377/10/L/21/S") + "&what=x").statusCode()).isEqualTo(400);
        assertThat(post("code=" + enc(unit.replaceAll("/21/.*", "/21/NOSUCHSERIAL")) + "&what=x").statusCode())
                .isEqualTo(404);
    }

    @Test
    void the_limiter_opens_again_in_the_next_window() {
        TestClock clock = TestClock.at("2026-11-29T00:00:00Z");
        ReportRateLimiter limiter = new ReportRateLimiter(2, Duration.ofHours(1), clock);
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isFalse();
        assertThat(limiter.tryAcquire("b")).isTrue();
        clock.advance(Duration.ofMinutes(61));
        assertThat(limiter.tryAcquire("a")).isTrue();
    }

    /** Every request comes from 127.0.0.1: one client for the limiter. */
    private HttpResponse<String> post(String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/scan-reports"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
