package io.crosstrace.gs1;

/** The GS1 AI encodable character set 82, which lots (AI 10) and serials (AI 21) are written in. */
final class Cset82 {

    private static final String CHARACTERS =
            "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

    private Cset82() {
    }

    static boolean contains(char c) {
        return CHARACTERS.indexOf(c) >= 0;
    }

    /** Index of the first character outside the set, or -1 when every character belongs to it. */
    static int firstIllegal(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!contains(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    static void require(String kind, String text, int maxLength) {
        if (text == null || text.isEmpty()) {
            throw new InvalidIdentifierException(kind, "A " + kind + " is required");
        }
        if (text.length() > maxLength) {
            throw new InvalidIdentifierException(kind, "A " + kind + " has at most " + maxLength
                    + " characters; '" + text + "' has " + text.length());
        }
        int bad = firstIllegal(text);
        if (bad >= 0) {
            throw new InvalidIdentifierException(kind, "'" + text.charAt(bad) + "' at position " + (bad + 1)
                    + " is not allowed in a " + kind + " (GS1 character set 82)");
        }
    }
}
