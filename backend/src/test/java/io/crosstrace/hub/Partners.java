package io.crosstrace.hub;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;

import io.crosstrace.hub.security.AuthService;

/**
 * The demo partners of a test hub, signed in once per user and test run: {@code admin}, {@code analyst},
 * {@code producer}, {@code producer2}, {@code exporter}, {@code auditor}, {@code inspector}, {@code importer},
 * {@code importer2}, {@code logistics}.
 */
public final class Partners {

    public static final String DEMO_PASSWORD = "demo-test-password";

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private Partners() {
    }

    /** A valid access token of a demo user (signing in costs a password hash, so it is done once per user). */
    public static String token(AuthService auth, String username) {
        // Keyed by hub too: each test context signs with its own throw-away key.
        return TOKENS.computeIfAbsent(System.identityHashCode(auth) + ":" + username,
                k -> auth.login(username, DEMO_PASSWORD, "test-" + username).accessToken());
    }

    /** The tester, sending the demo user's bearer token. */
    /**
     * The tester signed in as the demo user, with generous timeouts (both the tester's and its HTTP client's): the
     * first run of a large statement is planned on the spot, which on a shared build machine can take seconds.
     */
    public static HttpGraphQlTester as(HttpGraphQlTester tester, AuthService auth, String username) {
        return tester.mutate().header(HttpHeaders.AUTHORIZATION, "Bearer " + token(auth, username))
                .webTestClient(client -> client.responseTimeout(PATIENCE)).responseTimeout(PATIENCE).build();
    }

    private static final Duration PATIENCE = Duration.ofSeconds(60);
}
