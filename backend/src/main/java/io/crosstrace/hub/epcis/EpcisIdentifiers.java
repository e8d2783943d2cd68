package io.crosstrace.hub.epcis;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one form identifiers take in the graph: the canonical GS1 Digital Link on {@code https://id.gs1.org} (the
 * form the event hash uses, CBV 2.0 §8.9) for anything that is an EPC URN or a Digital Link, and the value as it
 * came for every other URI. Capture and query both go through here, so a URN and a Digital Link of the same object
 * meet in the same {@code (:Epc)} node.
 */
final class EpcisIdentifiers {

    private static final String HOST = EpcUrnToDigitalLink.CANONICAL_HOST;
    private static final Pattern GTIN_LINK = Pattern.compile(
            "^" + Pattern.quote(HOST) + "/01/(\\d{14})(?:/(10|21)/([^/]+))?$");
    private static final Pattern GLN_LINK = Pattern.compile("^" + Pattern.quote(HOST) + "/(?:414|417)/(\\d{13})(?:/254/.*)?$");

    private EpcisIdentifiers() {
    }

    static String canonical(String identifier) {
        if (identifier == null) {
            return null;
        }
        return DigitalLinkCanonicaliser.canonicalise(identifier).orElse(identifier);
    }

    /** A class-level pattern ({@code urn:epc:idpat:…:*}) stands for all instances below its canonical link. */
    static boolean isPattern(String identifier) {
        return identifier.startsWith("urn:epc:idpat:") && identifier.endsWith("*");
    }

    /** The GLN of a location or party identifier (SGLN, PGLN, or their Digital Links), when it has one. */
    static Optional<String> gln(String canonical) {
        Matcher m = GLN_LINK.matcher(canonical);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** A GTIN-based identifier: an instance (serial), a lot (class), or the bare GTIN. */
    record GtinKey(String gtin, String lot, String serial) {
    }

    static Optional<GtinKey> gtinKey(String canonical) {
        Matcher m = GTIN_LINK.matcher(canonical);
        if (!m.matches()) {
            return Optional.empty();
        }
        String value = m.group(3) == null ? null : decode(m.group(3));
        return Optional.of(new GtinKey(m.group(1), "10".equals(m.group(2)) ? value : null,
                "21".equals(m.group(2)) ? value : null));
    }

    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return segment;
        }
    }
}
