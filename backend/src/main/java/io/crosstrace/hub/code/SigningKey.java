package io.crosstrace.hub.code;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;

/** One Ed25519 key pair of the hub, named by its key id. */
record SigningKey(String kid, PrivateKey privateKey, PublicKey publicKey) {

    /** The 32-byte public key as RFC 8037 publishes it: the tail of the X.509 encoding. */
    byte[] rawPublicKey() {
        byte[] encoded = publicKey.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - Ed25519Keys.RAW_KEY_LENGTH, encoded.length);
    }
}
