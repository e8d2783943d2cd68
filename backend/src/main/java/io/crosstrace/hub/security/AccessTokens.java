package io.crosstrace.hub.security;

import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.IncorrectClaimException;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwsHeader;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.MissingClaimException;
import io.jsonwebtoken.PrematureJwtException;
import io.jsonwebtoken.security.SignatureException;

/**
 * Short-lived access tokens: JWS with ES256 and a key id, carrying who the caller is (sub), the organization
 * it acts for (org), its roles and kind. Verification requires our issuer and audience, a key we publish, ES256
 * exactly, and a current exp/nbf window; everything else is refused (unsigned tokens included).
 */
@Component
public class AccessTokens {

    static final String ALGORITHM = "ES256";
    static final String ORGANIZATION = "org";
    static final String ROLES = "roles";
    static final String KIND = "kind";

    /** An access token and how many seconds it lives. */
    public record Issued(String token, long expiresIn) {
    }

    private final TokenSigningKeys keys;
    private final SecurityProperties properties;
    private final Clock clock;
    private final JwtParser parser;
    private final VerifiedTokens verified = new VerifiedTokens();

    AccessTokens(TokenSigningKeys keys, SecurityProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
        this.parser = Jwts.parser()
                .keyLocator(new LocatorAdapter<Key>() {
                    @Override
                    protected Key locate(JwsHeader header) {
                        return keys.byId(header.getKeyId()).map(TokenSigningKeys.SigningKey::publicKey)
                                .orElseThrow(() -> new InvalidTokenException("The token is signed with a key this hub does not know"));
                    }
                })
                .requireIssuer(properties.issuer())
                .requireAudience(properties.audience())
                .clockSkewSeconds(properties.clockSkew().toSeconds())
                .clock(() -> Date.from(clock.instant()))
                .build();
    }

    public Issued issue(Actor actor) {
        Instant now = clock.instant();
        Instant expires = now.plus(properties.accessTokenTtl());
        TokenSigningKeys.SigningKey key = keys.current();
        String token = Jwts.builder()
                .header().keyId(key.kid()).and()
                .issuer(properties.issuer())
                .audience().add(properties.audience()).and()
                .subject(actor.subject())
                .id(UUID.randomUUID().toString())
                .issuedAt(Date.from(now))
                .notBefore(Date.from(now))
                .expiration(Date.from(expires))
                .claim(ORGANIZATION, actor.organizationGln())
                .claim(ROLES, actor.roles().stream().map(Role::name).sorted().toList())
                .claim(KIND, actor.kind().name())
                .signWith(key.privateKey(), Jwts.SIG.ES256)
                .compact();
        return new Issued(token, properties.accessTokenTtl().toSeconds());
    }

    /**
     * The actor a token speaks for.
     *
     * @throws InvalidTokenException with a reason fit for the {@code WWW-Authenticate} header
     */
    public Actor verify(String token) {
        Instant now = clock.instant();
        Actor known = verified.actorOf(token, now);
        if (known != null) {
            return known;
        }
        Jws<Claims> jws;
        try {
            jws = parser.parseSignedClaims(token);
        } catch (ExpiredJwtException e) {
            throw new InvalidTokenException("The token has expired", e);
        } catch (PrematureJwtException e) {
            throw new InvalidTokenException("The token is not valid yet", e);
        } catch (IncorrectClaimException | MissingClaimException e) {
            throw new InvalidTokenException("The token was not issued by this hub for this API (" + e.getClaimName() + ")", e);
        } catch (SignatureException e) {
            throw new InvalidTokenException("The token's signature does not verify", e);
        } catch (InvalidTokenException e) {
            throw e;
        } catch (JwtException | IllegalArgumentException e) {
            throw new InvalidTokenException("The token is malformed or unsigned", e);
        }
        if (!ALGORITHM.equals(jws.getHeader().getAlgorithm())) {
            throw new InvalidTokenException("The token must be signed with " + ALGORITHM);
        }
        Claims claims = jws.getPayload();
        Actor actor = actorOf(claims);
        if (claims.getExpiration() != null) {
            Duration skew = properties.clockSkew();
            Instant from = claims.getNotBefore() == null ? Instant.MIN : claims.getNotBefore().toInstant().minus(skew);
            verified.remember(token, actor, from, claims.getExpiration().toInstant().plus(skew), now);
        }
        return actor;
    }

    private static Actor actorOf(Claims claims) {
        String subject = claims.getSubject();
        String organization = claims.get(ORGANIZATION, String.class);
        String kind = claims.get(KIND, String.class);
        Object roles = claims.get(ROLES);
        if (subject == null || organization == null || kind == null || !(roles instanceof Collection<?> names)) {
            throw new InvalidTokenException("The token lacks sub, org, kind or roles");
        }
        try {
            Set<Role> parsed = EnumSet.noneOf(Role.class);
            for (Object name : names) {
                parsed.add(Role.valueOf(String.valueOf(name)));
            }
            Actor.Kind actorKind = Actor.Kind.valueOf(kind);
            if (actorKind == Actor.Kind.ANONYMOUS) {
                throw new InvalidTokenException("The token names no caller");
            }
            return new Actor(subject, actorKind, organization, parsed);
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException("The token carries an unknown role or kind", e);
        }
    }
}
