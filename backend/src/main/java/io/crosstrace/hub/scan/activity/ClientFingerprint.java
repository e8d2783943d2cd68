package io.crosstrace.hub.scan.activity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells scans of one client apart from those of another without keeping who the client is: the SHA-256 of
 * a secret salt, the client's address and its user agent. Without the salt an address could be found again
 * by hashing all addresses; with it, only the hub can link two scans to one client.
 */
final class ClientFingerprint {

    private static final Logger log = LoggerFactory.getLogger(ClientFingerprint.class);
    private static final int RANDOM_SALT_BYTES = 32;
    /** Separates the parts, so ("1.2.3.4", "5 x") and ("1.2.3.45", " x") hash differently. */
    private static final byte SEPARATOR = 0;

    private final byte[] salt;

    private ClientFingerprint(byte[] salt) {
        this.salt = salt;
    }

    /** The configured salt, or a random one (logged, as the hashes then change on every start). */
    static ClientFingerprint withSalt(String configured) {
        if (configured == null || configured.isEmpty()) {
            log.warn("crosstrace.scan.fingerprint-salt is not set: client fingerprints use a random salt and do "
                    + "not survive a restart, nor match between hub instances");
            byte[] salt = new byte[RANDOM_SALT_BYTES];
            new SecureRandom().nextBytes(salt);
            return new ClientFingerprint(salt);
        }
        return new ClientFingerprint(configured.getBytes(StandardCharsets.UTF_8));
    }

    /** 64 lower-case hex digits; absent parts count as empty. */
    String of(String clientAddress, String userAgent) {
        MessageDigest sha256 = sha256();
        sha256.update(salt);
        sha256.update(SEPARATOR);
        sha256.update(bytes(clientAddress));
        sha256.update(SEPARATOR);
        sha256.update(bytes(userAgent));
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static byte[] bytes(String s) {
        return s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }
}
