package io.crosstrace.hub.epcis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translation between EPC URNs and GS1 Digital Link URIs in both directions (TDS 2.x §6, §7 and §8; GS1 Digital
 * Link 1.x). URN to Digital Link needs nothing more; Digital Link to URN needs the GS1 company prefix length, taken
 * from {@link CompanyPrefixes}: when it is unknown the result is empty and callers keep the Digital Link, which
 * EPCIS 2.0 accepts wherever an EPC is expected.
 */
public final class EpcTranslator {

    private static final Pattern DIGITAL_LINK = Pattern.compile("^https?://[^/?#]+((?:/[^/?#]+)+)/?(?:[?#].*)?$");
    private static final List<String> PRIMARY_KEYS = List.of("01", "00", "414", "417", "8003", "8004", "8006", "8010",
            "8017", "8018", "253", "255", "401", "402");

    private final CompanyPrefixes companyPrefixes;

    public EpcTranslator(CompanyPrefixes companyPrefixes) {
        this.companyPrefixes = companyPrefixes;
    }

    /** The Digital Link URI on {@code https://id.gs1.org} for an EPC URN, class URN or whole-class id pattern. */
    public static Optional<String> toDigitalLink(String epcUrn) {
        return EpcUrnToDigitalLink.toDigitalLink(epcUrn);
    }

    /**
     * The EPC URN of a Digital Link URI: {@code urn:epc:id:…} for instances, {@code urn:epc:class:lgtin:…} for a
     * GTIN with lot, {@code urn:epc:idpat:sgtin:…:*} for a bare GTIN. Empty when the URI is not a Digital Link of
     * a supported key or its company prefix is unknown.
     */
    public Optional<String> toEpcUrn(String digitalLink) {
        if (digitalLink == null) {
            return Optional.empty();
        }
        Matcher m = DIGITAL_LINK.matcher(digitalLink);
        if (!m.matches()) {
            return Optional.empty();
        }
        String[] segments = m.group(1).substring(1).split("/");
        int start = -1;
        for (int i = 0; i + 1 < segments.length; i++) {
            if (PRIMARY_KEYS.contains(segments[i]) && segments[i + 1].matches("\\d{4}.*")) {
                start = i;
                break;
            }
        }
        if (start < 0 || (segments.length - start) % 2 != 0) {
            return Optional.empty();
        }
        String ai = segments[start];
        String key = segments[start + 1];
        List<String[]> qualifiers = new ArrayList<>();
        for (int i = start + 2; i + 1 < segments.length; i += 2) {
            qualifiers.add(new String[]{segments[i], segments[i + 1]});
        }
        try {
            return translate(ai, key, qualifiers);
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException malformed) {
            return Optional.empty();
        }
    }

    private Optional<String> translate(String ai, String key, List<String[]> qualifiers) {
        String lot = qualifier(qualifiers, "10");
        String serial = qualifier(qualifiers, "21");
        return switch (ai) {
            case "01" -> {
                requireCheckedDigits(key, 14);
                String cpv = qualifier(qualifiers, "235");
                yield split(key.substring(1, 13)).map(cp -> {
                    String itemReference = key.charAt(0) + key.substring(1 + cp.length(), 13);
                    String base = cp + "." + itemReference;
                    if (serial != null) {
                        return "urn:epc:id:sgtin:" + base + "." + urn(serial);
                    }
                    if (cpv != null) {
                        return "urn:epc:id:upui:" + base + "." + urn(cpv);
                    }
                    if (lot != null) {
                        return "urn:epc:class:lgtin:" + base + "." + urn(lot);
                    }
                    return "urn:epc:idpat:sgtin:" + base + ".*";
                });
            }
            case "00" -> {
                requireCheckedDigits(key, 18);
                yield split(key.substring(1, 17)).map(cp ->
                        "urn:epc:id:sscc:" + cp + "." + key.charAt(0) + key.substring(1 + cp.length(), 17));
            }
            case "414" -> {
                requireCheckedDigits(key, 13);
                String extension = qualifier(qualifiers, "254");
                yield split(key.substring(0, 12)).map(cp -> "urn:epc:id:sgln:" + cp + "." + key.substring(cp.length(), 12)
                        + "." + (extension == null ? "0" : urn(extension)));
            }
            case "417" -> {
                requireCheckedDigits(key, 13);
                yield split(key.substring(0, 12)).map(cp -> "urn:epc:id:pgln:" + cp + "." + key.substring(cp.length(), 12));
            }
            case "8003" -> {
                requireCheckedDigits(key.substring(0, Math.min(14, key.length())), 14);
                String graiSerial = key.substring(14);
                yield split(key.substring(1, 13)).map(cp -> {
                    String base = cp + "." + key.substring(1 + cp.length(), 13);
                    return graiSerial.isEmpty() ? "urn:epc:idpat:grai:" + base + ".*" : "urn:epc:id:grai:" + base + "." + urn(graiSerial);
                });
            }
            case "8004" -> split(key).map(cp -> "urn:epc:id:giai:" + cp + "." + urn(key.substring(cp.length())));
            case "8017", "8018" -> {
                requireCheckedDigits(key, 18);
                String scheme = ai.equals("8017") ? "gsrnp" : "gsrn";
                yield split(key.substring(0, 17)).map(cp -> "urn:epc:id:" + scheme + ":" + cp + "." + key.substring(cp.length(), 17));
            }
            case "402" -> {
                requireCheckedDigits(key, 17);
                yield split(key.substring(0, 16)).map(cp -> "urn:epc:id:gsin:" + cp + "." + key.substring(cp.length(), 16));
            }
            case "401" -> split(key).map(cp -> "urn:epc:id:ginc:" + cp + "." + urn(key.substring(cp.length())));
            case "253", "255" -> {
                requireCheckedDigits(key.substring(0, 13), 13);
                String scheme = ai.equals("253") ? "gdti" : "sgcn";
                String documentSerial = key.substring(13);
                yield split(key.substring(0, 12)).map(cp -> {
                    String base = cp + "." + key.substring(cp.length(), 12);
                    return documentSerial.isEmpty() ? "urn:epc:idpat:" + scheme + ":" + base + ".*"
                            : "urn:epc:id:" + scheme + ":" + base + "." + urn(documentSerial);
                });
            }
            case "8006" -> {
                requireCheckedDigits(key.substring(0, 14), 14);
                if (key.length() != 18) {
                    throw new IllegalArgumentException("ITIP is 18 digits");
                }
                yield split(key.substring(1, 13)).map(cp -> {
                    String base = cp + "." + key.charAt(0) + key.substring(1 + cp.length(), 13) + "."
                            + key.substring(14, 16) + "." + key.substring(16, 18);
                    return serial == null ? "urn:epc:idpat:itip:" + base + ".*" : "urn:epc:id:itip:" + base + "." + urn(serial);
                });
            }
            case "8010" -> {
                String cpiSerial = qualifier(qualifiers, "8011");
                String cpid = DigitalLinkEncoding.toUrnComponent(key);
                yield split(key.replaceAll("\\D.*", "")).map(cp -> {
                    String base = cp + "." + cpid.substring(cp.length());
                    return cpiSerial == null ? "urn:epc:idpat:cpi:" + base + ".*" : "urn:epc:id:cpi:" + base + "." + cpiSerial;
                });
            }
            default -> Optional.empty();
        };
    }

    /** The company prefix at the start of {@code digits}, if the hub knows it. */
    private Optional<String> split(String digits) {
        return companyPrefixes.lengthAtStartOf(digits)
                .filter(length -> length <= digits.length())
                .map(length -> digits.substring(0, length));
    }

    private static String qualifier(List<String[]> qualifiers, String ai) {
        return qualifiers.stream().filter(q -> q[0].equals(ai)).map(q -> q[1]).findFirst().orElse(null);
    }

    private static String urn(String dlSegment) {
        return DigitalLinkEncoding.toUrnComponent(dlSegment);
    }

    private static void requireCheckedDigits(String digits, int length) {
        if (digits.length() != length || !io.crosstrace.gs1.CheckDigit.isValid(digits)) {
            throw new IllegalArgumentException("not a valid " + length + "-digit GS1 key");
        }
    }
}
