package io.crosstrace.hub.security;

import java.math.BigInteger;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public halves of the access-token keys as a JWK Set (RFC 7517), so partner systems and other services
 * can verify tokens themselves. Every key that still verifies is listed, so rotation never breaks live tokens.
 */
@RestController
class JwksController {

    static final MediaType JWK_SET = MediaType.parseMediaType("application/jwk-set+json");

    private final TokenSigningKeys keys;

    JwksController(TokenSigningKeys keys) {
        this.keys = keys;
    }

    @GetMapping(path = "/.well-known/jwks.json")
    ResponseEntity<Map<String, Object>> jwks() {
        List<Map<String, Object>> jwks = keys.all().stream().map(JwksController::jwk).toList();
        return ResponseEntity.ok().contentType(JWK_SET)
                .cacheControl(CacheControl.maxAge(5, TimeUnit.MINUTES).cachePublic()).body(Map.of("keys", jwks));
    }

    static Map<String, Object> jwk(TokenSigningKeys.SigningKey key) {
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "EC");
        jwk.put("crv", "P-256");
        jwk.put("kid", key.kid());
        jwk.put("use", "sig");
        jwk.put("alg", AccessTokens.ALGORITHM);
        jwk.put("x", coordinate(key.publicKey().getW().getAffineX()));
        jwk.put("y", coordinate(key.publicKey().getW().getAffineY()));
        return jwk;
    }

    /** A P-256 coordinate as exactly 32 unsigned big-endian bytes, base64url without padding (RFC 7518 §6.2.1.2). */
    private static String coordinate(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] fixed = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, fixed, 32 - copy, copy);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
    }
}
