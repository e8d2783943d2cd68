package io.crosstrace.gs1;

/** A Global Location Number: 13 digits with a valid check digit. Identifies premises, ports and parties. */
public record Gln(String value) {

    public Gln {
        if (value == null || !value.matches("\\d{13}")) {
            throw new InvalidIdentifierException("GLN", "A GLN has 13 digits: '" + value + "'");
        }
        if (!CheckDigit.isValid(value)) {
            throw new InvalidIdentifierException("GLN", "GLN " + value + " has a wrong check digit (expected "
                    + CheckDigit.compute(value.substring(0, 12)) + ")");
        }
    }

    public static Gln parse(String text) {
        return new Gln(text == null ? null : text.strip());
    }

    /** Builds a GLN from its 12 data digits, computing the check digit. */
    public static Gln fromDataDigits(String twelveDigits) {
        return new Gln(CheckDigit.append(twelveDigits));
    }

    @Override
    public String toString() {
        return value;
    }
}
