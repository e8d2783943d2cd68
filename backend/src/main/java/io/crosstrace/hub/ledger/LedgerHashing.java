package io.crosstrace.hub.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The two digests of the ledger. Both the hub that appends and any checker that recomputes use this class,
 * so the encoding exists once: changing it would make every existing entry look edited.
 */
final class LedgerHashing {

    /** The {@code prevHash} of the first entry, and the {@code prevRoot} of the first checkpoint. */
    static final String GENESIS = "0".repeat(64);

    private static final HexFormat HEX = HexFormat.of();

    private LedgerHashing() {
    }

    /** SHA-256 (hex) of the canonical JSON of the change; an absent change counts as an empty one. */
    static String changeDigest(Map<String, ?> change) {
        return sha256Hex(CanonicalJson.write(change == null ? Map.of() : change));
    }

    /**
     * SHA-256 (hex) of the canonical JSON of every field of the entry except its own hash, {@code prevHash}
     * included, which is what chains the entries: changing any earlier entry changes every later hash.
     */
    static String entryHash(long seq, String prevHash, Instant at, String actor, String actorKind,
            String organization, String action, String target, String changeDigest) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("seq", seq);
        fields.put("prevHash", prevHash);
        fields.put("at", DateTimeFormatter.ISO_INSTANT.format(at));
        fields.put("actor", actor);
        fields.put("actorKind", actorKind);
        fields.put("organization", organization);
        fields.put("action", action);
        fields.put("target", target);
        fields.put("changeDigest", changeDigest);
        return sha256Hex(CanonicalJson.write(fields));
    }

    static String entryHash(LedgerEntry e) {
        return entryHash(e.seq(), e.prevHash(), e.at().toInstant(), e.actor(), e.actorKind(), e.organization(),
                e.action(), e.target(), e.changeDigest());
    }

    static String sha256Hex(String text) {
        return HEX.formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] sha256(byte[]... parts) {
        MessageDigest digest = newSha256();
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    static byte[] fromHex(String hex) {
        return HEX.parseHex(hex);
    }

    static String toHex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }
}
