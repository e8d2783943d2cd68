package io.crosstrace.hub.mutation;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Numbers for records the hub creates (applications, inspections, certificates): a prefix, the day and a
 * random part, e.g. {@code APP-20261130-7KQ2MX}. Random rather than sequential, so numbers reveal no volumes
 * and several hub instances never collide in practice (uniqueness constraints catch the rest).
 */
public final class Numbers {

    private static final char[] ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Numbers() {
    }

    public static String next(String prefix, LocalDate day) {
        StringBuilder number = new StringBuilder(prefix).append('-').append(day.format(DateTimeFormatter.BASIC_ISO_DATE)).append('-');
        for (int i = 0; i < 6; i++) {
            number.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return number.toString();
    }
}
