package io.crosstrace.hub.code;

import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Publishes the public keys that verify unit-code signatures, as a JSON Web Key Set (RFC 7517, Ed25519
 * keys as in RFC 8037), so that anyone can check a code offline. Every key in the key folder is listed:
 * codes printed with an older key stay verifiable after a rotation.
 */
@RestController
class CodeKeysController {

    static final String PATH = "/.well-known/crosstrace-code-keys.json";

    private final CodeSigner signer;

    CodeKeysController(CodeSigner signer) {
        this.signer = signer;
    }

    @GetMapping(PATH)
    ResponseEntity<JsonWebKeySet> keys() {
        List<JsonWebKey> keys = signer.verificationKeys().stream().map(JsonWebKey::of).toList();
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .body(new JsonWebKeySet(keys));
    }

    record JsonWebKeySet(List<JsonWebKey> keys) {
    }

    /** An Ed25519 public key as a JWK: {@code x} is the raw 32-byte key in base64url. */
    record JsonWebKey(String kty, String crv, String kid, String x, String use, String alg) {

        static JsonWebKey of(SigningKey key) {
            return new JsonWebKey("OKP", "Ed25519", key.kid(),
                    Base64.getUrlEncoder().withoutPadding().encodeToString(key.rawPublicKey()), "sig", "EdDSA");
        }
    }
}
