package io.crosstrace.seed;

/** ISO 6346 container numbers: owner code, category {@code U}, six digits and a check digit. */
final class ContainerNumber {

    /** Letters count from A = 10 upwards, skipping the multiples of 11 (11, 22, 33). */
    private static final int[] LETTER_VALUES = new int[26];

    static {
        int value = 10;
        for (int i = 0; i < 26; i++) {
            if (value % 11 == 0) {
                value++;
            }
            LETTER_VALUES[i] = value++;
        }
    }

    private ContainerNumber() {
    }

    /** {@code ownerAndCategory} is four letters such as {@code TGHU}; {@code serial} is below 1,000,000. */
    static String of(String ownerAndCategory, int serial) {
        if (!ownerAndCategory.matches("[A-Z]{3}[UJZ]") || serial < 0 || serial > 999_999) {
            throw new IllegalArgumentException("not an ISO 6346 owner code and serial: " + ownerAndCategory + serial);
        }
        String body = ownerAndCategory + String.format("%06d", serial);
        return body + checkDigit(body);
    }

    /** Each character's value weighted by 2^position, summed, modulo 11; a remainder of 10 counts as 0. */
    static int checkDigit(String tenCharacters) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += value(tenCharacters.charAt(i)) << i;
        }
        return sum % 11 % 10;
    }

    private static int value(char c) {
        return Character.isDigit(c) ? c - '0' : LETTER_VALUES[c - 'A'];
    }
}
