package io.crosstrace.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crosstrace.hub.HubIntegrationTest;
import io.crosstrace.hub.Partners;
import io.jsonwebtoken.Jwts;

/** Sign-in, refresh rotation, sign-out, client credentials and rejected tokens, over real HTTP. */
@HubIntegrationTest
class AuthFlowTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    Neo4jClient neo4j;
    @Autowired
    PasswordEncoder passwords;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_demo_user_signs_in_and_calls_the_api_with_its_token() throws Exception {
        JsonNode tokens = login("importer", Partners.DEMO_PASSWORD, 200);

        assertThat(tokens.get("accessToken").asText()).isNotBlank();
        assertThat(tokens.get("refreshToken").asText()).isNotBlank();
        assertThat(tokens.get("expiresIn").asLong()).isEqualTo(3600);
        HttpResponse<String> me = graphQl(tokens.get("accessToken").asText(), "{ me { username roles organization { name } } }");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"importer\"").contains("IMPORTER");
    }

    @Test
    void a_wrong_password_is_a_401_problem_that_does_not_say_what_was_wrong() throws Exception {
        HttpResponse<String> wrong = post("/api/auth/login", "{\"username\":\"producer\",\"password\":\"nope\"}");
        HttpResponse<String> unknown = post("/api/auth/login", "{\"username\":\"nobody-here\",\"password\":\"nope\"}");

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        assertThat(JSON.readTree(wrong.body()).get("detail").asText())
                .isEqualTo(JSON.readTree(unknown.body()).get("detail").asText());
    }

    @Test
    void a_disabled_user_cannot_sign_in_nor_refresh() throws Exception {
        createUser("disabled-test-user");
        JsonNode tokens = login("disabled-test-user", "a-good-password", 200);
        neo4j.query("MATCH (u:User {username: 'disabled-test-user'}) SET u.enabled = false").run();

        login("disabled-test-user", "a-good-password", 401);
        assertThat(refresh(tokens.get("refreshToken").asText()).statusCode()).isEqualTo(401);
    }

    @Test
    void refresh_rotates_and_a_reused_refresh_token_revokes_its_whole_family() throws Exception {
        JsonNode first = login("producer", Partners.DEMO_PASSWORD, 200);
        String original = first.get("refreshToken").asText();

        HttpResponse<String> rotated = refresh(original);
        assertThat(rotated.statusCode()).isEqualTo(200);
        String successor = JSON.readTree(rotated.body()).get("refreshToken").asText();
        assertThat(successor).isNotEqualTo(original);

        HttpResponse<String> replay = refresh(original);
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(replay.body()).contains("already used");
        assertThat(refresh(successor).statusCode()).as("the family is revoked").isEqualTo(401);
    }

    @Test
    void logout_revokes_the_refresh_token() throws Exception {
        String refreshToken = login("exporter", Partners.DEMO_PASSWORD, 200).get("refreshToken").asText();

        assertThat(post("/api/auth/logout", "{\"refreshToken\":\"" + refreshToken + "\"}").statusCode()).isEqualTo(204);
        assertThat(refresh(refreshToken).statusCode()).isEqualTo(401);
    }

    @Test
    void a_machine_client_gets_a_token_with_client_credentials() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("importer-erp:" + Partners.DEMO_PASSWORD).getBytes()))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(graphQl(body.get("access_token").asText(), "{ me { username kind } }").body())
                .contains("\"username\":\"importer-erp\"").contains("CLIENT");

        HttpResponse<String> wrongSecret = http.send(HttpRequest.newBuilder(uri("/api/auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=importer-erp&client_secret=x"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(wrongSecret.body()).contains("invalid_client");
    }

    @Test
    void sign_in_is_rate_limited_per_user() throws Exception {
        createUser("rate-limited-user");
        for (int i = 0; i < 5; i++) {
            login("rate-limited-user", "wrong-" + i, 401);
        }
        HttpResponse<String> blocked = post("/api/auth/login", "{\"username\":\"rate-limited-user\",\"password\":\"a-good-password\"}");

        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(blocked.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void a_bad_bearer_token_is_a_401_not_an_anonymous_call() throws Exception {
        HttpResponse<String> response = graphQl("eyJhbGciOiJub25lIn0.e30.", "{ __typename }");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).contains("invalid_token"));
    }

    @Test
    void the_published_jwks_verifies_our_tokens() throws Exception {
        String token = login("analyst", Partners.DEMO_PASSWORD, 200).get("accessToken").asText();
        HttpResponse<String> jwks = http.send(HttpRequest.newBuilder(uri("/.well-known/jwks.json")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode key = JSON.readTree(jwks.body()).get("keys").get(0);

        assertThat(key.get("kty").asText()).isEqualTo("EC");
        assertThat(key.get("alg").asText()).isEqualTo("ES256");
        var claims = Jwts.parser().verifyWith(ecPublicKey(key)).build().parseSignedClaims(token).getPayload();
        assertThat(claims.getSubject()).isEqualTo("analyst");
        assertThat(claims.get("roles", List.class)).containsExactly("ANALYST");
    }

    @Test
    void anonymous_callers_cannot_list_partner_data() throws Exception {
        HttpResponse<String> response = graphQl(null, "{ batches(first: 1) { edges { node { lot } } } }");

        assertThat(response.body()).contains("UNAUTHORIZED").doesNotContain("\"lot\"");
    }

    private void createUser(String username) {
        neo4j.query("""
                MATCH (o:Organization) WHERE 'PRODUCER' IN o.roles WITH o ORDER BY o.gln LIMIT 1
                MERGE (u:User {username: $name})
                  ON CREATE SET u.passwordHash = $hash, u.roles = ['PRODUCER'], u.enabled = true
                MERGE (u)-[:MEMBER_OF]->(o)""").bindAll(Map.of("name", username, "hash", passwords.encode("a-good-password"))).run();
    }

    private JsonNode login(String username, String password, int expectedStatus) throws Exception {
        HttpResponse<String> response = post("/api/auth/login",
                JSON.writeValueAsString(Map.of("username", username, "password", password)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> refresh(String refreshToken) throws Exception {
        return post("/api/auth/refresh", "{\"refreshToken\":\"" + refreshToken + "\"}");
    }

    private HttpResponse<String> graphQl(String token, String query) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/graphql")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query))));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static PublicKey ecPublicKey(JsonNode jwk) throws Exception {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
        BigInteger x = new BigInteger(1, Base64.getUrlDecoder().decode(jwk.get("x").asText()));
        BigInteger y = new BigInteger(1, Base64.getUrlDecoder().decode(jwk.get("y").asText()));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), spec));
    }
}
