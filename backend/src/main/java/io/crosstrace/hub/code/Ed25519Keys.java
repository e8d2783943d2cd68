package io.crosstrace.hub.code;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/** Ed25519 with the JDK's own provider: reading, writing and completing PKCS#8 private keys. */
final class Ed25519Keys {

    static final String ALGORITHM = "Ed25519";
    static final int RAW_KEY_LENGTH = 32;

    private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PEM_END = "-----END PRIVATE KEY-----";
    private static final byte[] SELF_TEST = "crosstrace key self-test".getBytes(StandardCharsets.US_ASCII);

    private Ed25519Keys() {
    }

    static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK cannot generate Ed25519 keys", e);
        }
    }

    /** Reads an unencrypted PKCS#8 Ed25519 private key, PEM ({@code BEGIN PRIVATE KEY}) or DER. */
    static PrivateKey readPrivateKey(byte[] file) {
        byte[] der = isPem(file) ? pemBody(new String(file, StandardCharsets.US_ASCII)) : file;
        try {
            PrivateKey key = KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
            if (!(key instanceof EdECPrivateKey)) {
                throw new IllegalArgumentException("not an Ed25519 private key");
            }
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an unencrypted PKCS#8 Ed25519 private key (" + e.getMessage() + ")", e);
        }
    }

    static String toPem(PrivateKey key) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
        return PEM_BEGIN + "\n" + body + "\n" + PEM_END + "\n";
    }

    /**
     * The public key of a private key. The JDK has no call for this, but an Ed25519 private key is the 32
     * random bytes its generator drew, so generating from a source that hands out exactly those bytes
     * rebuilds the same pair. Both halves are checked, so a JDK that drew differently fails here, loudly.
     */
    static PublicKey publicKeyOf(PrivateKey privateKey) {
        byte[] seed = ((EdECPrivateKey) privateKey).getBytes()
                .orElseThrow(() -> new IllegalArgumentException("the private key's bytes cannot be read"));
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
            generator.initialize(NamedParameterSpec.ED25519, new ReplayedSeed(seed));
            KeyPair pair = generator.generateKeyPair();
            byte[] rebuilt = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
            if (!Arrays.equals(rebuilt, seed) || !signsFor(privateKey, pair.getPublic())) {
                throw new IllegalStateException("Could not derive the Ed25519 public key on this JDK");
            }
            return pair.getPublic();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not derive the Ed25519 public key on this JDK", e);
        }
    }

    private static boolean signsFor(PrivateKey privateKey, PublicKey publicKey) throws GeneralSecurityException {
        Signature signer = Signature.getInstance(ALGORITHM);
        signer.initSign(privateKey);
        signer.update(SELF_TEST);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(ALGORITHM);
        verifier.initVerify(publicKey);
        verifier.update(SELF_TEST);
        return verifier.verify(signature);
    }

    private static boolean isPem(byte[] file) {
        return new String(file, 0, Math.min(file.length, 200), StandardCharsets.US_ASCII).contains("-----BEGIN");
    }

    private static byte[] pemBody(String pem) {
        int begin = pem.indexOf(PEM_BEGIN);
        int end = pem.indexOf(PEM_END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("a PEM key must be an unencrypted PKCS#8 '" + PEM_BEGIN + "' block");
        }
        try {
            return Base64.getMimeDecoder().decode(pem.substring(begin + PEM_BEGIN.length(), end));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the PEM block is not valid base64", e);
        }
    }

    /** A random source that hands out one fixed seed: only for rebuilding a key pair from its private key. */
    private static final class ReplayedSeed extends SecureRandom {

        private final byte[] seed;

        ReplayedSeed(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("unexpected draw of " + bytes.length + " bytes");
            }
            System.arraycopy(seed, 0, bytes, 0, seed.length);
        }
    }
}
