package io.crosstrace.gs1;

/** The GS1 mod-10 check digit shared by GTIN, GLN and SSCC. */
public final class CheckDigit {

    private CheckDigit() {
    }

    /**
     * Computes the check digit for the data digits (all digits but the check digit): weights 3,1,3,1…
     * from the rightmost data digit.
     */
    public static int compute(CharSequence dataDigits) {
        int sum = 0;
        int weight = 3;
        for (int i = dataDigits.length() - 1; i >= 0; i--) {
            char c = dataDigits.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a digit: " + c);
            }
            sum += (c - '0') * weight;
            weight = 4 - weight;
        }
        return (10 - sum % 10) % 10;
    }

    /** True when the last digit of {@code digits} is the check digit of the ones before it. */
    public static boolean isValid(CharSequence digits) {
        if (digits.length() < 2) {
            return false;
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        int last = digits.charAt(digits.length() - 1) - '0';
        return compute(digits.subSequence(0, digits.length() - 1)) == last;
    }

    /** Appends the check digit to the data digits. */
    public static String append(CharSequence dataDigits) {
        return dataDigits.toString() + compute(dataDigits);
    }
}
