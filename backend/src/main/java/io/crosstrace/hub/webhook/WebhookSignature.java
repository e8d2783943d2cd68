package io.crosstrace.hub.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature on every webhook request, and how a receiver checks it.
 *
 * <p>Header {@value #HEADER}: {@code t={unix seconds},v1={hex}}, where {@code hex} is the lowercase hex
 * HMAC-SHA256 of the string {@code "{t}.{body}"} (the body exactly as received, UTF-8) keyed with the
 * subscription's secret (its UTF-8 bytes, {@code whsec_} prefix included). A receiver recomputes it, compares
 * in constant time, and refuses a timestamp more than a few minutes from its own clock: a captured request
 * replayed later then fails although its signature is genuine. Each attempt is signed anew, so a retry
 * carries a fresh timestamp; the event's {@code id} in the body is what tells a receiver it has already
 * processed an event (delivery is at least once). Receivers should accept several {@code v1} values, which a
 * future secret rotation would send side by side.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-CrossTrace-Signature";
    /** How far a timestamp may be from the receiver's clock by default. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {
    }

    /** The header value for a body sent at {@code timestamp}. */
    public static String header(String secret, Instant timestamp, String body) {
        long t = timestamp.getEpochSecond();
        return "t=" + t + ",v1=" + hmacHex(secret, t, body);
    }

    /**
     * True when {@code header} carries a valid signature of {@code body} with {@code secret}, made no more than
     * {@code tolerance} before or after {@code now}.
     */
    public static boolean verify(String secret, String header, String body, Instant now, Duration tolerance) {
        if (secret == null || header == null || body == null) {
            return false;
        }
        Long timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = part.substring(0, eq).strip();
            String value = part.substring(eq + 1).strip();
            if (name.equals("t")) {
                try {
                    timestamp = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    return false;
                }
            } else if (name.equals("v1")) {
                signatures.add(value);
            }
        }
        if (timestamp == null || signatures.isEmpty()
                || Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = hmacHex(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        boolean valid = false;
        for (String signature : signatures) {
            // Compares all, in constant time, so timing tells nothing about which one or how much matched.
            valid |= MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
        }
        return valid;
    }

    static String hmacHex(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
