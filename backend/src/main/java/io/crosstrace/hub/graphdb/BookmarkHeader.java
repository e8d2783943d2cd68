package io.crosstrace.hub.graphdb;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.neo4j.driver.Bookmark;

/**
 * The {@code CrossTrace-Bookmark} header: the bookmarks of a request's committed writes, with an expiry, signed with
 * HMAC-SHA256 under a secret all instances share. Its text is {@code v1.{expiry}.{bookmark}[.{bookmark}…].{signature}}:
 * the expiry in epoch seconds, each bookmark and the signature in unpadded base64url, the signature over everything
 * before its dot. Signed because the driver is handed these bookmarks as they are: a made-up one would fail every
 * transaction of the request, or make it wait for a transaction that never comes.
 */
final class BookmarkHeader {

    static final String NAME = "CrossTrace-Bookmark";

    private static final String VERSION = "v1";
    private static final String MAC = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final Pattern EXPIRY = Pattern.compile("[0-9]{1,18}");

    private final SecretKeySpec signing;
    private final List<SecretKeySpec> verifying;
    private final Duration ttl;
    private final Clock clock;

    /**
     * @param secrets the first signs; all verify (a secret being rotated out stays among them for a while)
     * @param ttl     how long after it was written a header is honoured
     */
    BookmarkHeader(List<byte[]> secrets, Duration ttl, Clock clock) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("no secret to sign bookmarks with");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("crosstrace.bookmarks.ttl must be positive, not " + ttl);
        }
        this.verifying = secrets.stream().map(s -> new SecretKeySpec(s, MAC)).toList();
        this.signing = verifying.getFirst();
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The header for these bookmarks, valid for the ttl from now. */
    String write(Collection<Bookmark> bookmarks) {
        if (bookmarks.isEmpty()) {
            throw new IllegalArgumentException("a bookmark header carries at least one bookmark");
        }
        StringBuilder text = new StringBuilder(VERSION).append('.')
                .append(clock.instant().plus(ttl).getEpochSecond());
        for (Bookmark bookmark : bookmarks) {
            text.append('.').append(ENCODER.encodeToString(bookmark.value().getBytes(StandardCharsets.UTF_8)));
        }
        String signed = text.toString();
        return signed + '.' + ENCODER.encodeToString(mac(signing, signed));
    }

    /**
     * The bookmarks of a header this hub wrote; none when it has expired.
     *
     * @throws InvalidBookmarkHeaderException when it is not such a header or its signature does not verify
     */
    Set<Bookmark> read(String header) {
        String[] parts = header.split("\\.", -1);
        if (parts.length < 4 || !VERSION.equals(parts[0]) || !EXPIRY.matcher(parts[1]).matches()) {
            throw notOurs();
        }
        List<Bookmark> bookmarks = new ArrayList<>();
        for (int i = 2; i < parts.length - 1; i++) {
            byte[] value = decode(parts[i]);
            if (value == null || value.length == 0) {
                throw notOurs();
            }
            bookmarks.add(Bookmark.from(new String(value, StandardCharsets.UTF_8)));
        }
        byte[] signature = decode(parts[parts.length - 1]);
        byte[] text = header.substring(0, header.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
        if (signature == null || verifying.stream().noneMatch(key -> MessageDigest.isEqual(mac(key, text), signature))) {
            throw new InvalidBookmarkHeaderException("The signature of the " + NAME + " header does not verify: it was "
                    + "changed, or written by another deployment; send back the value of a response's " + NAME
                    + " header unchanged, or leave the header out");
        }
        // Ignored rather than refused: a client may well keep its last header through a pause, and by the time it
        // expires every secondary has long applied the write, so there is nothing left to wait for.
        if (clock.instant().getEpochSecond() >= Long.parseLong(parts[1])) {
            return Set.of();
        }
        return new LinkedHashSet<>(bookmarks);
    }

    private static InvalidBookmarkHeaderException notOurs() {
        return new InvalidBookmarkHeaderException("The " + NAME + " header is not one this hub wrote; send back the "
                + "value of a response's " + NAME + " header unchanged, or leave the header out");
    }

    private static byte[] decode(String part) {
        try {
            return DECODER.decode(part);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static byte[] mac(SecretKeySpec key, String text) {
        return mac(key, text.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] mac(SecretKeySpec key, byte[] text) {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(key);
            return mac.doFinal(text);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK cannot compute " + MAC, e);
        }
    }
}
