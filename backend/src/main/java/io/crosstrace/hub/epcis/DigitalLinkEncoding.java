package io.crosstrace.hub.epcis;

/**
 * Percent-encoding differences between EPC URNs and GS1 Digital Link URIs.
 *
 * <p>An EPC URN already escapes {@code " % & / < > ?} and {@code #} (TDS 2.x §5, Table 5-1); a Digital Link path
 * segment must in addition escape {@code ! ( ) * + , :} (GS1 Digital Link 1.x §7, Table 7-1). Characters already
 * escaped stay escaped, so the result is the same whichever form the input came in.
 */
final class DigitalLinkEncoding {

    private DigitalLinkEncoding() {
    }

    /** A URN component (already URN-escaped) as a Digital Link path segment. */
    static String encode(String urnComponent) {
        StringBuilder out = new StringBuilder(urnComponent.length() + 8);
        for (int i = 0; i < urnComponent.length(); i++) {
            char c = urnComponent.charAt(i);
            switch (c) {
                case '!' -> out.append("%21");
                case '(' -> out.append("%28");
                case ')' -> out.append("%29");
                case '*' -> out.append("%2A");
                case '+' -> out.append("%2B");
                case ',' -> out.append("%2C");
                case ':' -> out.append("%3A");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A Digital Link path segment as a URN component: the Digital-Link-only escapes are undone, the escapes the
     * URN also needs are kept (upper-case hex, as TDS asks).
     */
    static String toUrnComponent(String dlSegment) {
        StringBuilder out = new StringBuilder(dlSegment.length());
        for (int i = 0; i < dlSegment.length(); i++) {
            char c = dlSegment.charAt(i);
            if (c == '%' && i + 2 < dlSegment.length()) {
                int value = Integer.parseInt(dlSegment.substring(i + 1, i + 3), 16);
                char decoded = (char) value;
                if ("!()*+,:".indexOf(decoded) >= 0) {
                    out.append(decoded);
                } else {
                    out.append('%').append(dlSegment.substring(i + 1, i + 3).toUpperCase(java.util.Locale.ROOT));
                }
                i += 2;
            } else if ("\"&/<>?#".indexOf(c) >= 0) {
                out.append('%').append(String.format("%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
