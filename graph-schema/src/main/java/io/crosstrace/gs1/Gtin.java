package io.crosstrace.gs1;

/**
 * A Global Trade Item Number, always held in its 14-digit form (as in a Digital Link path). GTIN-8, -12
 * and -13 are accepted and padded with leading zeros. An instance with a wrong check digit cannot exist.
 */
public record Gtin(String value) {

    public Gtin {
        if (value == null || !value.matches("\\d{14}")) {
            throw new InvalidIdentifierException("GTIN", "A GTIN has 8, 12, 13 or 14 digits: '" + value + "'");
        }
        if (!CheckDigit.isValid(value)) {
            throw new InvalidIdentifierException("GTIN", "GTIN " + value + " has a wrong check digit (expected "
                    + CheckDigit.compute(value.substring(0, 13)) + ")");
        }
    }

    /** Parses GTIN-8, -12, -13 or -14 and normalises to 14 digits. */
    public static Gtin parse(String text) {
        if (text == null) {
            throw new InvalidIdentifierException("GTIN", "A GTIN is required");
        }
        String digits = text.strip();
        if (!digits.matches("\\d{8}|\\d{12,14}")) {
            throw new InvalidIdentifierException("GTIN", "A GTIN has 8, 12, 13 or 14 digits: '" + text + "'");
        }
        return new Gtin("0".repeat(14 - digits.length()) + digits);
    }

    /** Builds a GTIN-14 from its 13 data digits, computing the check digit. */
    public static Gtin fromDataDigits(String thirteenDigits) {
        return new Gtin(CheckDigit.append(thirteenDigits));
    }

    @Override
    public String toString() {
        return value;
    }
}
