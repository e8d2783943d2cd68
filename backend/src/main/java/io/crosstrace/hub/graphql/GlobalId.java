package io.crosstrace.hub.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque global ID of a {@code Node}: the type name and the object's business key, base64url-encoded.
 * Clients must treat it as opaque; the server can always tell which type and key it names.
 */
public record GlobalId(String type, String key) {

    public static String of(String type, String key) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((type + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes an ID; anything not produced by {@link #of} is a {@link BadInputException}. */
    public static GlobalId parse(String id) {
        if (id == null || id.isBlank() || id.length() > 256) {
            throw new BadInputException("Malformed ID: '" + id + "'");
        }
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("Malformed ID: '" + id + "'");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0 || colon == decoded.length() - 1) {
            throw new BadInputException("Malformed ID: '" + id + "'");
        }
        return new GlobalId(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    /** Decodes an ID that must name an object of {@code expectedType}. */
    public static String keyOf(String id, String expectedType) {
        GlobalId globalId = parse(id);
        if (!globalId.type().equals(expectedType)) {
            throw new BadInputException("ID '" + id + "' is not the ID of a " + expectedType);
        }
        return globalId.key();
    }
}
