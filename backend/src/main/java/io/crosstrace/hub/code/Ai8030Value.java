package io.crosstrace.hub.code;

import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hub's compact form of a signature in GS1 AI 8030: {@code {kid}_{signature}}, the 64-byte Ed25519
 * signature in base64url without padding (always 86 characters). AI 8030 holds at most 90 characters of the
 * base64url alphabet, so the separator is {@code _}, not a dot, and a key id has at most 3 characters.
 */
record Ai8030Value(String kid, byte[] signature) {

    static final int SIGNATURE_BYTES = 64;
    static final int SIGNATURE_CHARACTERS = 86;
    static final char SEPARATOR = '_';
    static final int MAX_LENGTH = 90;

    private static final Pattern FORM = Pattern.compile("([A-Za-z0-9]{1,3})_([A-Za-z0-9_-]{86})");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    String format() {
        return kid + SEPARATOR + ENCODER.encodeToString(signature);
    }

    /**
     * Reads a value; empty when it is not exactly the compact form. Only the canonical encoding is accepted
     * (the unused low bits of the last character must be zero), so each signature has one spelling.
     */
    static Optional<Ai8030Value> parse(String value) {
        if (value == null || value.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(value);
        if (!m.matches()) {
            return Optional.empty();
        }
        byte[] signature;
        try {
            signature = Base64.getUrlDecoder().decode(m.group(2));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (signature.length != SIGNATURE_BYTES || !ENCODER.encodeToString(signature).equals(m.group(2))) {
            return Optional.empty();
        }
        return Optional.of(new Ai8030Value(m.group(1), signature));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ai8030Value other && kid.equals(other.kid) && Arrays.equals(signature, other.signature);
    }

    @Override
    public int hashCode() {
        return 31 * kid.hashCode() + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return format();
    }
}
