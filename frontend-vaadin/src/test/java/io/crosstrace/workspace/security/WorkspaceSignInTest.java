package io.crosstrace.workspace.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.crosstrace.hub.HubIntegrationTest;

/** The workspace asks for sign-in, and the API stays token-only beside it. */
@HubIntegrationTest
class WorkspaceSignInTest {

    @LocalServerPort
    int port;

    @Test
    void the_workspace_sends_anonymous_visitors_to_the_sign_in_page() throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        HttpResponse<String> start = http.send(HttpRequest.newBuilder(uri("/batches")).GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(uri("/login")).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(start.statusCode()).isEqualTo(302);
        assertThat(start.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(login.statusCode()).isEqualTo(200);
    }

    @Test
    void the_api_never_redirects_to_a_sign_in_page() throws Exception {
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/actuator/prometheus")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(metrics.statusCode()).isEqualTo(401);
    }

    @Test
    void the_browser_libraries_are_served_to_anyone_from_their_webjars() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String library : new String[] {"/webjars/html5-qrcode/2.2.1/html5-qrcode.min.js",
                "/webjars/cytoscape/3.33.1/dist/cytoscape.min.js", "/webjars/chart.js/4.4.1/dist/chart.umd.js"}) {
            HttpResponse<String> script = http.send(HttpRequest.newBuilder(uri(library)).GET().build(), HttpResponse.BodyHandlers.ofString());

            assertThat(script.statusCode()).as(library).isEqualTo(200);
            assertThat(script.headers().firstValue("Content-Type")).as(library).hasValueSatisfying(t -> assertThat(t).contains("javascript"));
            assertThat(script.body()).as(library).hasSizeGreaterThan(100_000);
        }
        HttpResponse<String> styles = http.send(HttpRequest.newBuilder(uri("/workspace/workspace.css")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(styles.statusCode()).isEqualTo(200);
        assertThat(styles.body()).contains(".ct-verdict");
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
