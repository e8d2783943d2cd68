package io.crosstrace.hub.scan;

import io.crosstrace.gs1.DigitalLink;
import io.crosstrace.gs1.Gln;
import io.crosstrace.gs1.InvalidIdentifierException;

/** What a resolver path names: a trade item at GTIN, lot or unit level, or premises by GLN. */
sealed interface ResolvableKey {

    /** The canonical path of the key, without query string. */
    String path();

    record TradeItem(DigitalLink link) implements ResolvableKey {
        @Override
        public String path() {
            return link.path();
        }
    }

    record Location(Gln gln) implements ResolvableKey {
        @Override
        public String path() {
            return "/414/" + gln.value();
        }
    }

    /** Parses a resolver path; a syntax error is an {@link InvalidIdentifierException} (a 400). */
    static ResolvableKey parse(String rawPath) {
        String path = rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
        if (path.startsWith("/414/")) {
            String[] parts = path.substring(1).split("/");
            if (parts.length != 2) {
                throw new InvalidIdentifierException("Digital Link",
                        "A location is /414/{gln}; qualifiers such as /254/ are not served here");
            }
            return new Location(Gln.parse(parts[1]));
        }
        return new TradeItem(DigitalLink.parse(path));
    }
}
