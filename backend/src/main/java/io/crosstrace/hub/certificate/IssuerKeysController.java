package io.crosstrace.hub.certificate;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The inspection bodies' certificate keys as a JWK Set, so anyone can verify a certificate offline. */
@RestController
class IssuerKeysController {

    private final CertificateSignatures signatures;

    IssuerKeysController(CertificateSignatures signatures) {
        this.signatures = signatures;
    }

    @GetMapping("/.well-known/crosstrace-issuer-keys.json")
    @Transactional(readOnly = true)
    ResponseEntity<Map<String, List<Map<String, Object>>>> keys() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/jwk-set+json"))
                .cacheControl(CacheControl.maxAge(5, TimeUnit.MINUTES).cachePublic())
                .body(Map.of("keys", signatures.publishedKeys()));
    }
}
