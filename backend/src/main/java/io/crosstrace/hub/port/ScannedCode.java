package io.crosstrace.hub.port;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import io.crosstrace.gs1.DigitalLink;
import io.crosstrace.gs1.InvalidIdentifierException;
import io.crosstrace.hub.code.CodeSigner;

/**
 * A code as the inspector scanned or typed it: a Digital Link URI or path, possibly with its signature in the query
 * string ({@code ?8030=…}). A text that does not name a unit is kept with the reason, because one bad scan must not
 * spoil the verification of the others.
 *
 * @param index     position in the request
 * @param text      what was sent
 * @param link      the parsed unit link; null when malformed
 * @param signature the AI 8030 value, null when absent
 * @param problem   why it is malformed; null when it parsed
 */
record ScannedCode(int index, String text, DigitalLink link, String signature, String problem) {

    /** Longer texts are not codes (AI 8030 adds at most 95 characters to a path of at most about 120). */
    static final int MAX_LENGTH = 1_000;

    boolean wellFormed() {
        return link != null;
    }

    static ScannedCode parse(int index, String text) {
        if (text == null || text.isBlank()) {
            return malformed(index, text, "The code is empty");
        }
        String trimmed = text.strip();
        if (trimmed.length() > MAX_LENGTH) {
            return malformed(index, text, "The code is longer than " + MAX_LENGTH + " characters");
        }
        // Typed by hand, a path often loses its leading slash.
        String candidate = trimmed.startsWith("01/") ? "/" + trimmed : trimmed;
        DigitalLink link;
        try {
            link = DigitalLink.parse(candidate);
        } catch (InvalidIdentifierException e) {
            return malformed(index, text, e.getMessage());
        }
        if (!link.isUnitLevel()) {
            return malformed(index, text, "The link names no single unit: a unit code has a GTIN, a lot and a serial");
        }
        return new ScannedCode(index, text, link, queryValue(candidate, CodeSigner.AI_8030), null);
    }

    private static ScannedCode malformed(int index, String text, String problem) {
        return new ScannedCode(index, text, null, null, problem);
    }

    /** A query parameter's decoded value, the first if repeated; null when absent or empty. */
    private static String queryValue(String uri, String name) {
        int query = uri.indexOf('?');
        if (query < 0) {
            return null;
        }
        int fragment = uri.indexOf('#', query);
        String parameters = uri.substring(query + 1, fragment < 0 ? uri.length() : fragment);
        for (String pair : parameters.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name) && eq >= 0 && eq < pair.length() - 1) {
                try {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    // Bad percent-encoding: the signature cannot be what was signed.
                    return pair.substring(eq + 1);
                }
            }
        }
        return null;
    }
}
