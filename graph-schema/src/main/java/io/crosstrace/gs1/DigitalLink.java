package io.crosstrace.gs1;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A GS1 Digital Link for a trade item: {@code /01/{gtin14}[/22/{cpv}][/10/{lot}][/21/{serial}]}, the
 * qualifiers optional but in that fixed order. Parses a full URI (any host, as a label may point at any
 * resolver) or a bare path; the query string is not part of the identity and is ignored here.
 */
public record DigitalLink(Gtin gtin, String consumerProductVariant, LotNumber lot, Serial serial) {

    private static final String KIND = "Digital Link";

    public DigitalLink {
        if (gtin == null) {
            throw new InvalidIdentifierException(KIND, "A Digital Link starts with /01/{gtin}");
        }
    }

    public static DigitalLink unit(Gtin gtin, LotNumber lot, Serial serial) {
        return new DigitalLink(gtin, null, lot, serial);
    }

    /** True when the link names one unit: GTIN, lot and serial. */
    public boolean isUnitLevel() {
        return lot != null && serial != null;
    }

    /** The canonical path, each value percent-encoded: {@code /01/…/10/…/21/…}. */
    public String path() {
        StringBuilder path = new StringBuilder("/01/").append(gtin.value());
        if (consumerProductVariant != null) {
            path.append("/22/").append(encode(consumerProductVariant));
        }
        if (lot != null) {
            path.append("/10/").append(encode(lot.value()));
        }
        if (serial != null) {
            path.append("/21/").append(encode(serial.value()));
        }
        return path.toString();
    }

    /** The link on a given resolver, e.g. {@code https://id.example.com} + path. */
    public String uri(String resolverBase) {
        String base = resolverBase.endsWith("/") ? resolverBase.substring(0, resolverBase.length() - 1) : resolverBase;
        return base + path();
    }

    /** Parses a Digital Link URI ({@code https://host/01/…}) or path ({@code /01/…}). */
    public static DigitalLink parse(String uriOrPath) {
        if (uriOrPath == null || uriOrPath.isBlank()) {
            throw new InvalidIdentifierException(KIND, "A Digital Link URI or path is required");
        }
        String rawPath = rawPathOf(uriOrPath.strip());
        List<String> segments = new ArrayList<>();
        for (String segment : rawPath.split("/", -1)) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        int first = segments.indexOf("01");
        if (first < 0 || (segments.size() - first) % 2 != 0) {
            throw new InvalidIdentifierException(KIND,
                    "A Digital Link path for a trade item is pairs of /{AI}/{value} starting with /01/{gtin}: '"
                            + rawPath + "'");
        }
        Gtin gtin = Gtin.parse(decode(segments.get(first + 1)));
        String cpv = null;
        LotNumber lot = null;
        Serial serial = null;
        int lastOrder = 0;
        for (int i = first + 2; i < segments.size(); i += 2) {
            String ai = segments.get(i);
            String value = decode(segments.get(i + 1));
            int order = switch (ai) {
                case "22" -> 1;
                case "10" -> 2;
                case "21" -> 3;
                default -> throw new InvalidIdentifierException(KIND,
                        "AI (" + ai + ") is not a key qualifier of a GTIN; allowed in order: 22, 10, 21");
            };
            if (order <= lastOrder) {
                throw new InvalidIdentifierException(KIND,
                        "Key qualifiers must follow the order /22/…/10/…/21/…; (" + ai + ") is out of order");
            }
            lastOrder = order;
            switch (ai) {
                case "22" -> {
                    Cset82.require("consumer product variant", value, 20);
                    cpv = value;
                }
                case "10" -> lot = new LotNumber(value);
                default -> serial = new Serial(value);
            }
        }
        return new DigitalLink(gtin, cpv, lot, serial);
    }

    private static String rawPathOf(String text) {
        if (text.startsWith("/")) {
            int query = text.indexOf('?');
            int fragment = text.indexOf('#');
            int end = query >= 0 ? query : (fragment >= 0 ? fragment : text.length());
            return text.substring(0, end);
        }
        try {
            URI uri = new URI(text);
            if (uri.getScheme() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
                throw new InvalidIdentifierException(KIND, "A Digital Link URI starts with https:// or http://");
            }
            return uri.getRawPath() == null ? "" : uri.getRawPath();
        } catch (URISyntaxException e) {
            throw new InvalidIdentifierException(KIND, "Not a valid URI: " + e.getReason());
        }
    }

    private static String decode(String segment) {
        try {
            // URLDecoder turns '+' into a space; in a path '+' is itself, so protect it first.
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidIdentifierException(KIND, "Bad percent-encoding in '" + segment + "'");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return path();
    }
}
