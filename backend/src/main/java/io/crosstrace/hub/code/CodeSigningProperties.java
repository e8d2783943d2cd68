package io.crosstrace.hub.code;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The keys that sign unit codes.
 *
 * @param keyDir       folder of the Ed25519 private keys, one PKCS#8 file {@code {kid}.key} (PEM or DER) per key;
 *                     every key in it is published and accepted when a code is scanned. Unset: {@code keys}
 *                     under {@code crosstrace.data-dir}, or a temporary folder when the embedded store is
 *                     ephemeral (tests), so that tests never write keys into the data folder
 * @param currentKeyId the key id (1 to 3 letters or digits) of the key that signs new codes; rotating keys means
 *                     adding a key file and pointing this at it, while codes printed with older keys stay valid
 */
@ConfigurationProperties("crosstrace.code-signing")
public record CodeSigningProperties(Path keyDir, @DefaultValue("k1") String currentKeyId) {
}
