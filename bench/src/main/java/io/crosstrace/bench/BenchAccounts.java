package io.crosstrace.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

import tools.jackson.databind.json.JsonMapper;

/**
 * Throw-away partner accounts for the scenarios. The bench's hub does not seed the demo world, so it has no demo
 * users: each scenario writes its own member of an organization of the generated world, with a fresh random password
 * each run, and signs it in through {@code POST /api/auth/login} like any partner.
 */
final class BenchAccounts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BenchAccounts() {
    }

    /** Writes (or resets) the user as a member of the organization and returns its access token. */
    static String signIn(ConfigurableApplicationContext hub, Driver driver, HttpClient http, String base, String username,
            String role, String organizationGln) throws Exception {
        String password = randomPassword();
        driver.executableQuery("""
                MATCH (o:Organization {gln: $gln})
                MERGE (u:User {username: $name})
                SET u.passwordHash = $hash, u.roles = [$role], u.enabled = true, u.displayName = $name
                MERGE (u)-[:MEMBER_OF]->(o)""")
                .withParameters(Map.of("gln", organizationGln, "name", username, "role", role,
                        "hash", hub.getBean(PasswordEncoder.class).encode(password)))
                .execute();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("username", username,
                        "password", password)))).build(), HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 200) {
            throw new IllegalStateException(username + " sign-in answered " + login.statusCode() + ": " + login.body());
        }
        return JSON.readTree(login.body()).get("accessToken").asString();
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
