package io.crosstrace.hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import io.jsonwebtoken.Jwts;

import io.crosstrace.hub.TestClock;

/** Access tokens are accepted only when signed by our key with ES256, current, and addressed to us. */
class AccessTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");
    private static final Actor PRODUCER = Actor.user("producer", "9300000000011", Role.PRODUCER);

    private final TokenSigningKeys keys = TokenSigningKeys.inMemory("t1");
    private final AccessTokens tokens = tokens(keys, "crosstrace", "crosstrace-api", NOW);

    @Test
    void a_token_we_issued_names_its_actor() {
        AccessTokens.Issued issued = tokens.issue(PRODUCER);

        assertThat(issued.expiresIn()).isEqualTo(600);
        assertThat(tokens.verify(issued.token())).isEqualTo(PRODUCER);
    }

    @Test
    void machine_clients_keep_their_kind() {
        Actor client = Actor.client("importer-erp", "6901234000015", Role.IMPORTER);
        assertThat(tokens.verify(tokens.issue(client).token())).isEqualTo(client);
    }

    @Test
    void an_unsigned_token_is_refused() {
        String header = base64("{\"alg\":\"none\",\"kid\":\"t1\"}");
        String payload = base64("{\"iss\":\"crosstrace\",\"aud\":\"crosstrace-api\",\"sub\":\"admin\",\"org\":\"1\","
                + "\"roles\":[\"PLATFORM_ADMIN\"],\"kind\":\"USER\",\"exp\":" + (NOW.getEpochSecond() + 600) + "}");

        assertThatThrownBy(() -> tokens.verify(header + "." + payload + "."))
                .isInstanceOf(InvalidTokenException.class).hasMessageContaining("unsigned");
    }

    @Test
    void a_token_signed_by_another_key_with_our_key_id_is_refused() {
        AccessTokens impostor = tokens(TokenSigningKeys.inMemory("t1"), "crosstrace", "crosstrace-api", NOW);

        assertThatThrownBy(() -> tokens.verify(impostor.issue(PRODUCER).token()))
                .isInstanceOf(InvalidTokenException.class).hasMessageContaining("signature");
    }

    @Test
    void a_token_with_a_key_id_we_do_not_publish_is_refused() {
        AccessTokens other = tokens(TokenSigningKeys.inMemory("t9"), "crosstrace", "crosstrace-api", NOW);

        assertThatThrownBy(() -> tokens.verify(other.issue(PRODUCER).token()))
                .isInstanceOf(InvalidTokenException.class).hasMessageContaining("key this hub does not know");
    }

    @Test
    void an_hmac_token_keyed_with_our_public_key_is_refused() {
        byte[] publicKey = keys.current().publicKey().getEncoded();
        String forged = Jwts.builder().header().keyId("t1").and().issuer("crosstrace").audience().add("crosstrace-api").and()
                .subject("admin").claim("org", "1").claim("roles", java.util.List.of("PLATFORM_ADMIN")).claim("kind", "USER")
                .expiration(Date.from(NOW.plusSeconds(600)))
                .signWith(new SecretKeySpec(publicKey, "HmacSHA256"), Jwts.SIG.HS256).compact();

        assertThatThrownBy(() -> tokens.verify(forged)).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void an_expired_token_is_refused() {
        String token = tokens.issue(PRODUCER).token();
        AccessTokens later = tokens(keys, "crosstrace", "crosstrace-api", NOW.plus(Duration.ofMinutes(11)));

        assertThatThrownBy(() -> later.verify(token)).isInstanceOf(InvalidTokenException.class).hasMessageContaining("expired");
    }

    @Test
    void a_token_not_valid_yet_is_refused() {
        String token = tokens(keys, "crosstrace", "crosstrace-api", NOW.plus(Duration.ofMinutes(5))).issue(PRODUCER).token();

        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(InvalidTokenException.class).hasMessageContaining("not valid yet");
    }

    @Test
    void clock_skew_within_tolerance_is_accepted() {
        String token = tokens(keys, "crosstrace", "crosstrace-api", NOW.plusSeconds(20)).issue(PRODUCER).token();

        assertThat(tokens.verify(token)).isEqualTo(PRODUCER);
    }

    @Test
    void a_token_of_another_issuer_is_refused() {
        String token = tokens(keys, "someone-else", "crosstrace-api", NOW).issue(PRODUCER).token();

        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(InvalidTokenException.class).hasMessageContaining("iss");
    }

    @Test
    void a_token_for_another_audience_is_refused() {
        String token = tokens(keys, "crosstrace", "another-api", NOW).issue(PRODUCER).token();

        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(InvalidTokenException.class).hasMessageContaining("aud");
    }

    @Test
    void a_tampered_payload_is_refused() {
        String[] parts = tokens.issue(PRODUCER).token().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("PRODUCER", "PLATFORM_ADMIN");

        assertThatThrownBy(() -> tokens.verify(parts[0] + "." + base64(payload) + "." + parts[2]))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void garbage_is_refused_as_malformed() {
        assertThatThrownBy(() -> tokens.verify("not-a-token")).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void keys_round_trip_through_pem_with_their_public_half() {
        TokenSigningKeys fromPem = TokenSigningKeys.fromPem(pemOf(keys), "t1");
        AccessTokens sameKey = tokens(fromPem, "crosstrace", "crosstrace-api", NOW);

        assertThat(tokens.verify(sameKey.issue(PRODUCER).token())).isEqualTo(PRODUCER);
    }

    @Test
    void a_pem_without_its_public_key_is_refused_with_a_clear_message() {
        String privateOnly = pemOf(keys).substring(0, pemOf(keys).indexOf("-----BEGIN PUBLIC KEY-----"));

        assertThatThrownBy(() -> TokenSigningKeys.fromPem(privateOnly, "t1"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PUBLIC KEY");
    }

    private static String pemOf(TokenSigningKeys keys) {
        return TokenSigningKeys.toPem(new java.security.KeyPair(keys.current().publicKey(), keys.current().privateKey()));
    }

    @Test
    void a_token_verified_once_is_remembered_and_still_expires_on_time() {
        TestClock now = TestClock.at(NOW);
        AccessTokens moving = tokens(keys, "crosstrace", "crosstrace-api", now);
        String token = moving.issue(PRODUCER).token();

        assertThat(moving.verify(token)).isEqualTo(PRODUCER);
        now.set(NOW.plus(Duration.ofMinutes(10)).plusSeconds(29));
        assertThat(moving.verify(token)).as("within exp and the clock skew").isEqualTo(PRODUCER);
        now.set(NOW.plus(Duration.ofMinutes(10)).plusSeconds(31));
        assertThatThrownBy(() -> moving.verify(token)).isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void a_remembered_token_does_not_vouch_for_a_tampered_copy() {
        String token = tokens.issue(PRODUCER).token();
        assertThat(tokens.verify(token)).isEqualTo(PRODUCER);
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("PRODUCER", "PLATFORM_ADMIN");

        assertThatThrownBy(() -> tokens.verify(parts[0] + "." + base64(payload) + "." + parts[2]))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void the_memory_of_verified_tokens_is_bounded() {
        VerifiedTokens verified = new VerifiedTokens();
        for (int i = 0; i <= VerifiedTokens.MAX_ENTRIES; i++) {
            verified.remember("token-" + i, PRODUCER, NOW, NOW.plusSeconds(60), NOW);
        }
        assertThat(verified.size()).isLessThanOrEqualTo(VerifiedTokens.MAX_ENTRIES);
        assertThat(verified.actorOf("token-" + VerifiedTokens.MAX_ENTRIES, NOW)).isEqualTo(PRODUCER);
        assertThat(verified.actorOf("token-" + VerifiedTokens.MAX_ENTRIES, NOW.plusSeconds(61))).isNull();
    }

    private static AccessTokens tokens(TokenSigningKeys keys, String issuer, String audience, Instant now) {
        return tokens(keys, issuer, audience, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static AccessTokens tokens(TokenSigningKeys keys, String issuer, String audience, Clock clock) {
        SecurityProperties properties = new SecurityProperties(issuer, audience, Duration.ofMinutes(10), Duration.ofDays(14),
                Duration.ofSeconds(30), null, null, "t1", 5, Duration.ofMinutes(15), null);
        return new AccessTokens(keys, properties, clock);
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
