package io.crosstrace.hub.epcis;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The constrained canonical GS1 Digital Link form the event hash needs (CBV 2.0 §8.9.2, step on identifiers):
 * domain {@code https://id.gs1.org}, numeric AIs instead of short names, GTIN padded to 14 digits, no query string
 * or fragment, no consumer product variant (AI 22), and only the finest identification level (a serial makes a
 * lot redundant). Any EPC URN is first translated to its Digital Link.
 */
final class DigitalLinkCanonicaliser {

    private static final Map<String, String> SHORT_NAMES = Map.ofEntries(
            Map.entry("gtin", "01"), Map.entry("itip", "8006"), Map.entry("cpid", "8010"), Map.entry("gln", "414"),
            Map.entry("party", "417"), Map.entry("gsrnp", "8017"), Map.entry("gsrn", "8018"),
            Map.entry("gcn", "255"), Map.entry("sscc", "00"), Map.entry("gdti", "253"), Map.entry("ginc", "401"),
            Map.entry("gsin", "402"), Map.entry("grai", "8003"), Map.entry("giai", "8004"), Map.entry("cpv", "22"),
            Map.entry("lot", "10"), Map.entry("ser", "21"));

    private static final Pattern WEB_URI_WITH_PRIMARY_KEY = Pattern.compile(
            "^https?://[^/?#]*(?:/[^?#]*?)?/(01|gtin|8006|itip|8010|cpid|414|gln|417|party|8017|gsrnp|8018|gsrn"
                    + "|255|gcn|00|sscc|253|gdti|401|ginc|402|gsin|8003|grai|8004|giai)/(\\d{4}[^/?#]*)([^?#]*)");

    /** The AI encodable set 82 as it may appear in a path segment (escaped characters stay as %XX). */
    private static final String CSET = "[\\x22\\x25\\x27\\x2D\\x2E\\x30-\\x39\\x3B-\\x3F\\x41-\\x5A\\x5F\\x61-\\x7A]";

    private static final List<Pattern> VALID_FORMS = List.of(
            Pattern.compile("https://id\\.gs1\\.org/00/\\d{18}"),
            Pattern.compile("https://id\\.gs1\\.org/01/\\d{14}(/(21|10)/" + CSET + "{0,60})?"),
            Pattern.compile("https://id\\.gs1\\.org/01/\\d{14}/235/" + CSET + "{0,84}"),
            Pattern.compile("https://id\\.gs1\\.org/253/\\d{13}" + CSET + "{0,51}"),
            Pattern.compile("https://id\\.gs1\\.org/255/\\d{13}\\d{0,12}"),
            Pattern.compile("https://id\\.gs1\\.org/401/" + CSET + "{0,90}"),
            Pattern.compile("https://id\\.gs1\\.org/402/\\d{17}"),
            Pattern.compile("https://id\\.gs1\\.org/414/\\d{13}(/254/" + CSET + "{0,60})?"),
            Pattern.compile("https://id\\.gs1\\.org/417/\\d{13}"),
            Pattern.compile("https://id\\.gs1\\.org/8003/\\d{14}" + CSET + "{0,48}"),
            Pattern.compile("https://id\\.gs1\\.org/8004/" + CSET + "{0,90}"),
            Pattern.compile("https://id\\.gs1\\.org/8006/\\d{18}(/(21|10)/" + CSET + "{0,60})?"),
            Pattern.compile("https://id\\.gs1\\.org/8010/[\\x23\\x25\\x2D\\x2F\\x30-\\x39\\x41-\\x5A]{0,90}(/8011/\\d{0,12})?"),
            Pattern.compile("https://id\\.gs1\\.org/8017/\\d{18}"),
            Pattern.compile("https://id\\.gs1\\.org/8018/\\d{18}"));

    private DigitalLinkCanonicaliser() {
    }

    /** The canonical Digital Link for an EPC URN or Digital Link URI, or empty when the value is neither. */
    static Optional<String> canonicalise(String value) {
        if (value.startsWith("urn:epc:")) {
            return EpcUrnToDigitalLink.toDigitalLink(value);
        }
        Matcher m = WEB_URI_WITH_PRIMARY_KEY.matcher(value);
        if (!m.find()) {
            return Optional.empty();
        }
        String ai = SHORT_NAMES.getOrDefault(m.group(1), m.group(1));
        String key = m.group(2);
        String qualifiers = replaceShortNames(m.group(3));
        if (qualifiers.endsWith("/")) {
            qualifiers = qualifiers.substring(0, qualifiers.length() - 1);
        }
        if ("01".equals(ai) && key.matches("\\d{8}|\\d{12}|\\d{13}")) {
            key = "0".repeat(14 - key.length()) + key;
        }
        if ("01".equals(ai) || "8006".equals(ai)) {
            qualifiers = finestLevel(qualifiers);
        }
        String uri = EpcUrnToDigitalLink.CANONICAL_HOST + "/" + ai + "/" + key + qualifiers;
        for (Pattern form : VALID_FORMS) {
            if (form.matcher(uri).matches()) {
                return Optional.of(uri);
            }
        }
        return Optional.empty();
    }

    private static String replaceShortNames(String qualifiers) {
        StringBuilder out = new StringBuilder();
        String[] segments = qualifiers.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            // Odd positions are AIs (short names allowed), even positions their values.
            String segment = segments[i];
            out.append('/').append(i % 2 == 1 ? SHORT_NAMES.getOrDefault(segment, segment) : segment);
        }
        return out.toString();
    }

    /** Drops the consumer product variant (AI 22) and, when a serial (AI 21) is present, the lot (AI 10). */
    private static String finestLevel(String qualifiers) {
        String[] segments = qualifiers.split("/", -1);
        String lot = null;
        String serial = null;
        String other = null;
        for (int i = 1; i + 1 < segments.length; i += 2) {
            switch (segments[i]) {
                case "22" -> { }
                case "10" -> lot = segments[i + 1];
                case "21" -> serial = segments[i + 1];
                default -> other = segments[i] + "/" + segments[i + 1];
            }
        }
        if (segments.length % 2 == 0) {
            return qualifiers; // an AI without value: leave it for the validity check to reject
        }
        if (other != null) {
            return "/" + other;
        }
        if (serial != null) {
            return "/21/" + serial;
        }
        if (lot != null) {
            return "/10/" + lot;
        }
        return "";
    }
}
