package io.crosstrace.hub.epcis;

import io.crosstrace.gs1.CheckDigit;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns an EPC pure-identity URN ({@code urn:epc:id:…}), an EPC class URN ({@code urn:epc:class:lgtin:…}) or an
 * EPC id-pattern URN for a whole class ({@code urn:epc:idpat:…:*}) into its GS1 Digital Link URI on
 * {@code https://id.gs1.org} (GS1 EPC Tag Data Standard 2.x §6 and §7: the company prefix and the reference are
 * glued back together and the check digit is computed). No prefix table is needed in this direction.
 */
public final class EpcUrnToDigitalLink {

    public static final String CANONICAL_HOST = "https://id.gs1.org";

    private static final Pattern DIGITS = Pattern.compile("\\d*");

    private EpcUrnToDigitalLink() {
    }

    /** The Digital Link URI for the EPC URN, or empty when it is not a well-formed URN of a supported scheme. */
    public static Optional<String> toDigitalLink(String urn) {
        if (urn == null) {
            return Optional.empty();
        }
        try {
            if (urn.startsWith("urn:epc:id:")) {
                return pureIdentity(urn.substring("urn:epc:id:".length()));
            }
            if (urn.startsWith("urn:epc:class:lgtin:")) {
                String[] p = parts(urn.substring("urn:epc:class:lgtin:".length()), 3);
                return Optional.of(CANONICAL_HOST + "/01/" + gtin(p[0], p[1]) + "/10/" + DigitalLinkEncoding.encode(nonEmpty(p[2])));
            }
            if (urn.startsWith("urn:epc:idpat:")) {
                return idPattern(urn.substring("urn:epc:idpat:".length()));
            }
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<String> pureIdentity(String rest) {
        int colon = rest.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String scheme = rest.substring(0, colon);
        String body = rest.substring(colon + 1);
        String dl = switch (scheme) {
            case "sgtin" -> {
                String[] p = parts(body, 3);
                yield "/01/" + gtin(p[0], p[1]) + "/21/" + DigitalLinkEncoding.encode(nonEmpty(p[2]));
            }
            case "sscc" -> {
                String[] p = parts(body, 2);
                requireCompanyPrefixAndReference(p[0], p[1], 17);
                String data = p[1].charAt(0) + p[0] + p[1].substring(1);
                yield "/00/" + CheckDigit.append(data);
            }
            case "sgln" -> {
                String[] p = parts(body, 3);
                String gln = gln(p[0], p[1]);
                // TDS §6.3.3: extension "0" means "no extension", so the Digital Link has no AI 254.
                yield "0".equals(p[2]) ? "/414/" + gln : "/414/" + gln + "/254/" + DigitalLinkEncoding.encode(nonEmpty(p[2]));
            }
            case "grai" -> {
                String[] p = parts(body, 3);
                requireCompanyPrefixAndReference(p[0], p[1], 12);
                // AI 8003 begins with a zero filler digit before the 13-digit GRAI key.
                yield "/8003/" + CheckDigit.append("0" + p[0] + p[1]) + DigitalLinkEncoding.encode(p[2]);
            }
            case "giai" -> {
                String[] p = parts(body, 2);
                requireCompanyPrefix(p[0]);
                yield "/8004/" + p[0] + DigitalLinkEncoding.encode(nonEmpty(p[1]));
            }
            case "gsrn" -> "/8018/" + digitsKey(body, 17);
            case "gsrnp" -> "/8017/" + digitsKey(body, 17);
            case "gsin" -> "/402/" + digitsKey(body, 16);
            case "pgln" -> {
                String[] p = parts(body, 2);
                yield "/417/" + gln(p[0], p[1]);
            }
            case "gdti" -> {
                String[] p = parts(body, 3);
                yield "/253/" + gln(p[0], p[1]) + DigitalLinkEncoding.encode(p[2]);
            }
            case "sgcn" -> {
                String[] p = parts(body, 3);
                yield "/255/" + gln(p[0], p[1]) + p[2];
            }
            case "cpi" -> {
                String[] p = parts(body, 3);
                requireCompanyPrefix(p[0]);
                yield "/8010/" + DigitalLinkEncoding.encode(p[0] + nonEmpty(p[1])) + "/8011/" + p[2];
            }
            case "ginc" -> {
                String[] p = parts(body, 2);
                requireCompanyPrefix(p[0]);
                yield "/401/" + p[0] + DigitalLinkEncoding.encode(nonEmpty(p[1]));
            }
            case "itip" -> {
                String[] p = parts(body, 5);
                yield "/8006/" + gtin(p[0], p[1]) + twoDigits(p[2]) + twoDigits(p[3]) + "/21/"
                        + DigitalLinkEncoding.encode(nonEmpty(p[4]));
            }
            case "upui" -> {
                String[] p = parts(body, 3);
                yield "/01/" + gtin(p[0], p[1]) + "/235/" + DigitalLinkEncoding.encode(nonEmpty(p[2]));
            }
            default -> null;
        };
        return Optional.ofNullable(dl).map(path -> CANONICAL_HOST + path);
    }

    /** Id patterns with a wildcard serial name the whole class (TDS §8), i.e. the key without its serial. */
    private static Optional<String> idPattern(String rest) {
        int colon = rest.indexOf(':');
        if (colon < 0 || !rest.endsWith(".*")) {
            return Optional.empty();
        }
        String scheme = rest.substring(0, colon);
        String body = rest.substring(colon + 1, rest.length() - 2);
        String dl = switch (scheme) {
            case "sgtin", "upui" -> {
                String[] p = parts(body, 2);
                yield "/01/" + gtin(p[0], p[1]);
            }
            case "grai" -> {
                String[] p = parts(body, 2);
                requireCompanyPrefixAndReference(p[0], p[1], 12);
                yield "/8003/" + CheckDigit.append("0" + p[0] + p[1]);
            }
            case "gdti" -> {
                String[] p = parts(body, 2);
                yield "/253/" + gln(p[0], p[1]);
            }
            case "sgcn" -> {
                String[] p = parts(body, 2);
                yield "/255/" + gln(p[0], p[1]);
            }
            case "cpi" -> {
                String[] p = parts(body, 2);
                requireCompanyPrefix(p[0]);
                yield "/8010/" + DigitalLinkEncoding.encode(p[0] + p[1]);
            }
            case "itip" -> {
                String[] p = parts(body, 4);
                yield "/8006/" + gtin(p[0], p[1]) + twoDigits(p[2]) + twoDigits(p[3]);
            }
            default -> null;
        };
        return Optional.ofNullable(dl).map(path -> CANONICAL_HOST + path);
    }

    /** GTIN-14 from company prefix and item reference whose first digit is the indicator (TDS §7.1). */
    static String gtin(String companyPrefix, String itemReference) {
        requireCompanyPrefixAndReference(companyPrefix, itemReference, 13);
        return CheckDigit.append(itemReference.charAt(0) + companyPrefix + itemReference.substring(1));
    }

    /** A 13-digit key made of company prefix, reference and check digit (GLN, GDTI, GCN). */
    private static String gln(String companyPrefix, String reference) {
        requireCompanyPrefixAndReference(companyPrefix, reference, 12);
        return CheckDigit.append(companyPrefix + reference);
    }

    private static String digitsKey(String body, int dataDigits) {
        String[] p = parts(body, 2);
        requireCompanyPrefixAndReference(p[0], p[1], dataDigits);
        return CheckDigit.append(p[0] + p[1]);
    }

    private static void requireCompanyPrefixAndReference(String companyPrefix, String reference, int totalDigits) {
        requireCompanyPrefix(companyPrefix);
        if (!DIGITS.matcher(reference).matches() || companyPrefix.length() + reference.length() != totalDigits) {
            throw new IllegalArgumentException("reference does not fit the company prefix");
        }
    }

    private static void requireCompanyPrefix(String companyPrefix) {
        if (companyPrefix.length() < 6 || companyPrefix.length() > 12 || !DIGITS.matcher(companyPrefix).matches()) {
            throw new IllegalArgumentException("GS1 company prefix must be 6 to 12 digits");
        }
    }

    private static String twoDigits(String text) {
        if (text.length() != 2 || !DIGITS.matcher(text).matches()) {
            throw new IllegalArgumentException("two digits expected");
        }
        return text;
    }

    private static String nonEmpty(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty component");
        }
        return text;
    }

    /** Splits on the first {@code count - 1} dots: the last component (a serial) may itself contain dots. */
    private static String[] parts(String body, int count) {
        String[] parts = body.split("\\.", count);
        if (parts.length != count) {
            throw new IllegalArgumentException("expected " + count + " components");
        }
        return parts;
    }
}
