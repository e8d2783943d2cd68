package io.crosstrace.hub.security;

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
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ES256 keys that sign access tokens, each with a key id. All verify; the current one signs. Private keys
 * stay in files (or a secret injected through configuration); only public halves leave the process, as JWKS.
 */
final class TokenSigningKeys {

    private static final Logger log = LoggerFactory.getLogger(TokenSigningKeys.class);
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final String SUFFIX = ".pem";

    record SigningKey(String kid, ECPrivateKey privateKey, ECPublicKey publicKey) {
    }

    private final Map<String, SigningKey> byId;
    private final SigningKey current;

    private TokenSigningKeys(Map<String, SigningKey> byId, String currentKeyId) {
        this.byId = byId;
        this.current = byId.get(currentKeyId);
        if (current == null) {
            throw new IllegalStateException("No token-signing key with id '" + currentKeyId + "' (found: "
                    + String.join(", ", byId.keySet()) + "); set crosstrace.security.current-key-id to one of them");
        }
    }

    static TokenSigningKeys fromPem(String pem, String kid) {
        requireKeyId(kid);
        return new TokenSigningKeys(Map.of(kid, keyFrom(kid, pem)), kid);
    }

    /** Keys kept in memory only: for a throw-away hub (tests) whose tokens must die with it. */
    static TokenSigningKeys inMemory(String kid) {
        requireKeyId(kid);
        KeyPair pair = generate();
        return new TokenSigningKeys(Map.of(kid, new SigningKey(kid, (ECPrivateKey) pair.getPrivate(),
                (ECPublicKey) pair.getPublic())), kid);
    }

    /** The keys of a folder; an empty or missing folder gets a development key, written owner-readable only. */
    static TokenSigningKeys fromFolder(Path folder, String currentKeyId) {
        requireKeyId(currentKeyId);
        Map<String, SigningKey> keys = new LinkedHashMap<>();
        try {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList()) {
                        String name = file.getFileName().toString();
                        String kid = name.substring(0, name.length() - SUFFIX.length());
                        requireKeyId(kid);
                        keys.put(kid, keyFrom(kid, Files.readString(file, StandardCharsets.US_ASCII)));
                    }
                }
            }
            if (keys.isEmpty()) {
                KeyPair pair = generate();
                writeOwnerOnly(folder, folder.resolve(currentKeyId + SUFFIX), toPem(pair));
                keys.put(currentKeyId, new SigningKey(currentKeyId, (ECPrivateKey) pair.getPrivate(),
                        (ECPublicKey) pair.getPublic()));
                log.warn("Access tokens: generated a DEVELOPMENT signing key '{}' in {}. For production provide keys "
                        + "made on a controlled machine (crosstrace.security.token-key-dir or token-key-pem), shared by "
                        + "all instances and kept out of version control.", currentKeyId, folder.toAbsolutePath());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the token-signing keys in " + folder.toAbsolutePath(), e);
        }
        return new TokenSigningKeys(keys, currentKeyId);
    }

    SigningKey current() {
        return current;
    }

    Optional<SigningKey> byId(String kid) {
        return Optional.ofNullable(kid == null ? null : byId.get(kid));
    }

    List<SigningKey> all() {
        List<SigningKey> all = new ArrayList<>();
        all.add(current);
        byId.values().stream().filter(k -> k != current).forEach(all::add);
        return all;
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK cannot generate P-256 keys", e);
        }
    }

    /**
     * A PEM text holding the private key (PKCS#8, {@code BEGIN PRIVATE KEY}) and its public key ({@code BEGIN PUBLIC
     * KEY}), e.g. {@code openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 > t1.pem} followed by
     * {@code openssl pkey -in t1.pem -pubout >> t1.pem}. Both are required and must match (checked by signing).
     */
    private static SigningKey keyFrom(String kid, String pem) {
        try {
            KeyFactory ec = KeyFactory.getInstance("EC");
            PrivateKey privateKey = ec.generatePrivate(new PKCS8EncodedKeySpec(block(pem, "PRIVATE KEY", kid)));
            var publicKey = ec.generatePublic(new X509EncodedKeySpec(block(pem, "PUBLIC KEY", kid)));
            if (!(privateKey instanceof ECPrivateKey priv) || !(publicKey instanceof ECPublicKey pub)
                    || priv.getParams().getCurve().getField().getFieldSize() != 256) {
                throw new IllegalStateException("Token-signing key '" + kid + "' is not a P-256 key pair");
            }
            requireMatching(kid, priv, pub);
            return new SigningKey(kid, priv, pub);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Token-signing key '" + kid + "' is not a PEM P-256 key pair: " + e.getMessage(), e);
        }
    }

    private static byte[] block(String pem, String type, String kid) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("no " + type + " block in the PEM text of key '" + kid + "'");
        }
        return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    }

    private static void requireMatching(String kid, ECPrivateKey priv, ECPublicKey pub) throws GeneralSecurityException {
        byte[] probe = "crosstrace token key self-test".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(priv);
        signer.update(probe);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(pub);
        verifier.update(probe);
        if (!verifier.verify(signature)) {
            throw new IllegalArgumentException("the public key of '" + kid + "' does not belong to its private key");
        }
    }

    static String toPem(KeyPair pair) {
        var mime = Base64.getMimeEncoder(64, new byte[] {'\n'});
        return "-----BEGIN PRIVATE KEY-----\n" + mime.encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n-----BEGIN PUBLIC KEY-----\n"
                + mime.encodeToString(pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    private static void writeOwnerOnly(Path folder, Path file, String content) throws IOException {
        Files.createDirectories(folder);
        boolean posix = Files.getFileStore(folder).supportsFileAttributeView(PosixFileAttributeView.class);
        if (posix) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, content, StandardCharsets.US_ASCII);
    }

    private static void requireKeyId(String kid) {
        if (kid == null || !KEY_ID.matcher(kid).matches()) {
            throw new IllegalStateException("Invalid token key id '" + kid + "': 1 to 40 letters, digits, '-' or '_'");
        }
    }
}
