package io.crosstrace.hub.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Opaque refresh tokens, stored only as their SHA-256. Each use retires the token and hands out its successor
 * in the same family; presenting a retired token again means it was stolen (or the client misbehaves), so the
 * whole family is revoked and the legitimate holder must sign in again (OAuth 2.0 Security BCP, rotation).
 */
@Component
class RefreshTokens {

    /** What a presented token turned out to be. */
    sealed interface Lookup {
        record Current(String subject, String kind, String family) implements Lookup {
        }

        record Reused(String family) implements Lookup {
        }

        record Unusable(String reason) implements Lookup {
        }
    }

    private static final String CREATE = """
            CREATE (:RefreshToken {tokenHash: $hash, family: $family, subject: $subject, kind: $kind,
                                   issuedAt: $now, expiresAt: $expiresAt})""";

    /** Retires the token in the same statement that reads it, so two concurrent uses cannot both succeed. */
    private static final String USE = """
            MATCH (t:RefreshToken {tokenHash: $hash})
            WITH t, t.usedAt IS NOT NULL AS wasUsed
            SET t.usedAt = coalesce(t.usedAt, $now)
            RETURN t.subject AS subject, t.kind AS kind, t.family AS family, wasUsed,
                   t.revokedAt IS NOT NULL AS revoked, t.expiresAt <= $now AS expired""";

    private static final String REVOKE_FAMILY = """
            MATCH (t:RefreshToken {family: $family}) WHERE t.revokedAt IS NULL SET t.revokedAt = $now""";

    private static final String REVOKE_SUBJECT = """
            MATCH (t:RefreshToken {subject: $subject}) WHERE t.revokedAt IS NULL SET t.revokedAt = $now
            RETURN count(t) AS n""";

    private final Neo4jClient neo4j;
    private final SecurityProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    RefreshTokens(Neo4jClient neo4j, SecurityProperties properties, Clock clock) {
        this.neo4j = neo4j;
        this.properties = properties;
        this.clock = clock;
    }

    /** A new token, in a new family when {@code family} is null. */
    String issue(Actor actor, String family) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        OffsetDateTime now = now();
        neo4j.query(CREATE).bindAll(Map.of("hash", hash(token), "family", family == null ? UUID.randomUUID().toString() : family,
                "subject", actor.subject(), "kind", actor.kind().name(), "now", now,
                "expiresAt", now.plus(properties.refreshTokenTtl()))).run();
        return token;
    }

    Lookup use(String token) {
        Optional<Map<String, Object>> row = neo4j.query(USE).bindAll(Map.of("hash", hash(token), "now", now())).fetch().one();
        if (row.isEmpty()) {
            return new Lookup.Unusable("Unknown refresh token");
        }
        Map<String, Object> r = row.get();
        if ((Boolean) r.get("wasUsed")) {
            return new Lookup.Reused((String) r.get("family"));
        }
        if ((Boolean) r.get("revoked")) {
            return new Lookup.Unusable("The refresh token was revoked");
        }
        if ((Boolean) r.get("expired")) {
            return new Lookup.Unusable("The refresh token has expired");
        }
        return new Lookup.Current((String) r.get("subject"), (String) r.get("kind"), (String) r.get("family"));
    }

    void revokeFamily(String family) {
        neo4j.query(REVOKE_FAMILY).bindAll(Map.of("family", family, "now", now())).run();
    }

    /** Revokes the family a token belongs to (sign-out); unknown tokens are ignored. */
    void revokeFamilyOf(String token) {
        neo4j.query("MATCH (t:RefreshToken {tokenHash: $hash}) WITH t.family AS family "
                        + "MATCH (f:RefreshToken {family: family}) WHERE f.revokedAt IS NULL SET f.revokedAt = $now")
                .bindAll(Map.of("hash", hash(token), "now", now())).run();
    }

    /** Revokes every token of a user or client; returns how many were still live. */
    long revokeAllOf(String subject) {
        return neo4j.query(REVOKE_SUBJECT).bindAll(Map.of("subject", subject, "now", now()))
                .fetchAs(Long.class).one().orElse(0L);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
