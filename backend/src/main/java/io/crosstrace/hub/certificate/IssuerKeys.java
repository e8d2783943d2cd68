package io.crosstrace.hub.certificate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The Ed25519 keys with which inspection bodies sign their certificates, one per issuer, kept by the hub on their
 * behalf (custodial, ADR 0007): the private key in a file of the key folder, the public key on the issuer's
 * {@code Organization} node, so any instance and any verifier can check a certificate against the graph.
 */
final class IssuerKeys {

    private static final Pattern GLN = Pattern.compile("\\d{13}");

    record IssuerKey(String kid, PrivateKey privateKey, PublicKey publicKey) {
    }

    private final Path folder;
    private final Map<String, IssuerKey> cache = new ConcurrentHashMap<>();

    IssuerKeys(Path folder) {
        this.folder = folder;
    }

    /** The issuer's key, created on its first certificate. */
    IssuerKey forIssuer(String issuerGln) {
        if (!GLN.matcher(issuerGln).matches()) {
            throw new IllegalArgumentException("Not a GLN: " + issuerGln);
        }
        return cache.computeIfAbsent(issuerGln, this::loadOrCreate);
    }

    static String kidOf(String issuerGln) {
        return "iss-" + issuerGln + "-1";
    }

    static String encodePublic(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    static PublicKey decodePublic(String base64) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Not an Ed25519 public key", e);
        }
    }

    private IssuerKey loadOrCreate(String gln) {
        Path file = folder.resolve(gln + ".pem");
        try {
            KeyFactory ed = KeyFactory.getInstance("Ed25519");
            if (Files.exists(file)) {
                String pem = Files.readString(file, StandardCharsets.US_ASCII);
                PrivateKey privateKey = ed.generatePrivate(new PKCS8EncodedKeySpec(block(pem, "PRIVATE KEY")));
                PublicKey publicKey = ed.generatePublic(new X509EncodedKeySpec(block(pem, "PUBLIC KEY")));
                return new IssuerKey(kidOf(gln), privateKey, publicKey);
            }
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Files.createDirectories(folder);
            boolean posix = Files.getFileStore(folder).supportsFileAttributeView(PosixFileAttributeView.class);
            if (posix) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            var mime = Base64.getMimeEncoder(64, new byte[] {'\n'});
            Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + mime.encodeToString(pair.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n-----BEGIN PUBLIC KEY-----\n" + mime.encodeToString(pair.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n", StandardCharsets.US_ASCII);
            return new IssuerKey(kidOf(gln), pair.getPrivate(), pair.getPublic());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the issuer key " + file.toAbsolutePath(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The issuer key " + file.toAbsolutePath() + " is unusable", e);
        }
    }

    private static byte[] block(String pem, String type) {
        String begin = "-----BEGIN " + type + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf("-----END " + type + "-----");
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("no " + type + " block");
        }
        return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    }
}
