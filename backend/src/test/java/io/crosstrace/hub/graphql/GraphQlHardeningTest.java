package io.crosstrace.hub.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import io.crosstrace.hub.HubIntegrationTest;
import io.crosstrace.hub.Partners;
import io.crosstrace.hub.security.AuthService;

/** Depth, size and introspection limits, as in production. */
@HubIntegrationTest
@TestPropertySource(properties = {"crosstrace.graphql.anonymous-introspection=false", "crosstrace.graphql.max-request-bytes=20000"})
class GraphQlHardeningTest {

    @LocalServerPort
    int port;
    @Autowired
    AuthService auth;
    @Autowired
    ParsedDocumentCache parsedDocuments;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void the_hub_parses_a_document_sent_twice_once() throws Exception {
        String query = "{\"query\":\"{ parsedOnce: __typename }\"}";
        post(query, null);
        int kept = parsedDocuments.size();

        assertThat(post(query, null).body()).contains("\"parsedOnce\":\"Query\"");

        assertThat(kept).isPositive();
        assertThat(parsedDocuments.size()).isEqualTo(kept);
    }

    @Test
    void anonymous_callers_cannot_introspect_but_partners_can_and_typename_stays_allowed() throws Exception {
        String introspection = "{\"query\":\"{ __schema { queryType { name } } }\"}";

        assertThat(post(introspection, null).body()).contains("UNAUTHORIZED").doesNotContain("\"queryType\"");
        assertThat(post(introspection, Partners.token(auth, "analyst")).body()).contains("\"queryType\":{\"name\":\"Query\"}");
        assertThat(post("{\"query\":\"{ __typename }\"}", null).body()).contains("\"__typename\":\"Query\"");
    }

    @Test
    void queries_nested_too_deep_are_refused_before_they_run() throws Exception {
        // 17 levels: batches, edges, node, then premises/operator seven times, then name.
        String deep = "{ batches(first: 1) { edges { node { " + "premises { operator { ".repeat(7) + "name"
                + " } }".repeat(7) + " } } } }";

        HttpResponse<String> response = post("{\"query\":\"" + deep + "\"}", Partners.token(auth, "admin"));

        assertThat(response.body()).contains("maximum query depth is 15").contains("BAD_REQUEST").doesNotContain("\"name\"");
    }

    @Test
    void queries_selecting_too_many_fields_are_refused_before_they_run() throws Exception {
        StringBuilder wide = new StringBuilder("{");
        for (int i = 0; i <= 1000; i++) {
            wide.append(" f").append(i).append(": __typename");
        }
        wide.append(" }");

        HttpResponse<String> response = post("{\"query\":\"" + wide + "\"}", Partners.token(auth, "admin"));

        assertThat(response.body()).contains("The query selects 1001 fields").contains("BAD_REQUEST")
                .doesNotContain("\"f0\"");
    }

    @Test
    void the_limits_apply_to_the_operation_asked_for_in_a_document_of_several() throws Exception {
        String deep = "query Deep { batches(first: 1) { edges { node { " + "premises { operator { ".repeat(7) + "name"
                + " } }".repeat(7) + " } } } }";
        String document = "query Shallow { shallow: __typename } " + deep;
        String token = Partners.token(auth, "admin");

        assertThat(post("{\"query\":\"" + document + "\",\"operationName\":\"Shallow\"}", token).body())
                .contains("\"shallow\":\"Query\"").doesNotContain("errors");
        assertThat(post("{\"query\":\"" + document + "\",\"operationName\":\"Deep\"}", token).body())
                .contains("maximum query depth is 15");
    }

    @Test
    void oversized_requests_are_a_413_problem() throws Exception {
        String huge = "{\"query\":\"{ __typename }\",\"variables\":{\"padding\":\"" + "x".repeat(30_000) + "\"}}";

        HttpResponse<String> response = post(huge, null);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }

    private HttpResponse<String> post(String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
