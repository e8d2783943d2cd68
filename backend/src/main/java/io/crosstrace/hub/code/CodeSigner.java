package io.crosstrace.hub.code;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.SignatureException;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.crosstrace.gs1.DigitalLink;

/**
 * Signs and verifies unit codes. The signed message is the canonical Digital Link path
 * ({@code /01/…/10/…/21/…}) in UTF-8; the signature travels in the link's query string as GS1 AI 8030
 * ({@code ?8030=k1_…}, see {@link Ai8030Value}). Ed25519 signatures are deterministic, so nothing is stored:
 * a code is signed whenever it is rendered and verified whenever it is scanned.
 */
@Component
public class CodeSigner {

    /** The query parameter that carries the signature: GS1 AI 8030, digital signature. */
    public static final String AI_8030 = "8030";

    private final SigningKeys keys;

    CodeSigner(SigningKeys keys) {
        this.keys = keys;
    }

    /** The AI 8030 value for a unit code, signed with the current key, e.g. {@code k1_3q2…} (89 characters). */
    public String signature(DigitalLink link) {
        requireUnit(link);
        SigningKey key = keys.current();
        try {
            Signature signer = Signature.getInstance(Ed25519Keys.ALGORITHM);
            signer.initSign(key.privateKey());
            signer.update(message(link));
            return new Ai8030Value(key.kid(), signer.sign()).format();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** The signed link on a resolver: {@code https://host/01/…/21/…?8030=k1_…}. */
    public String signedUri(DigitalLink link, String resolverBase) {
        return link.uri(resolverBase) + "?" + AI_8030 + "=" + signature(link);
    }

    /** Checks the AI 8030 value scanned with a code against the code's own path. */
    public SignatureCheck verify(DigitalLink link, String ai8030Value) {
        if (ai8030Value == null || ai8030Value.isBlank()) {
            return SignatureCheck.ABSENT;
        }
        Optional<Ai8030Value> value = Ai8030Value.parse(ai8030Value.strip());
        if (value.isEmpty() || link == null || !link.isUnitLevel()) {
            return SignatureCheck.INVALID;
        }
        Optional<SigningKey> key = keys.byId(value.get().kid());
        if (key.isEmpty()) {
            return SignatureCheck.UNKNOWN_KEY;
        }
        try {
            Signature verifier = Signature.getInstance(Ed25519Keys.ALGORITHM);
            verifier.initVerify(key.get().publicKey());
            verifier.update(message(link));
            return verifier.verify(value.get().signature()) ? SignatureCheck.VALID : SignatureCheck.INVALID;
        } catch (SignatureException e) {
            return SignatureCheck.INVALID;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 verification failed", e);
        }
    }

    /** The id of the key that signs new codes. */
    public String currentKeyId() {
        return keys.current().kid();
    }

    /** Every key that verifies, current first: what {@code /.well-known/crosstrace-code-keys.json} publishes. */
    List<SigningKey> verificationKeys() {
        return keys.all();
    }

    private static byte[] message(DigitalLink link) {
        return link.path().getBytes(StandardCharsets.UTF_8);
    }

    private static void requireUnit(DigitalLink link) {
        if (link == null || !link.isUnitLevel()) {
            throw new IllegalArgumentException("Only unit codes (GTIN, lot and serial) are signed: " + link);
        }
    }
}
