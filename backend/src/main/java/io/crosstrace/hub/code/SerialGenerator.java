package io.crosstrace.hub.code;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Unguessable serials (GS1 AI 21): 16 characters of a 32-character subset of GS1 character set 82 that
 * leaves out the look-alikes 0/O and 1/I, so each character carries exactly 5 random bits (80 in all) and
 * a serial read aloud or typed from a label is not misread.
 */
final class SerialGenerator {

    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final int LENGTH = 16;
    private static final int BITS_PER_CHARACTER = 5;
    private static final int BYTES_PER_SERIAL = LENGTH * BITS_PER_CHARACTER / 8;

    private final SecureRandom random;

    SerialGenerator(SecureRandom random) {
        this.random = random;
    }

    /** {@code count} new serials, none in {@code used}; each is added to {@code used}. */
    List<String> fresh(int count, Set<String> used) {
        List<String> serials = new ArrayList<>(count);
        while (serials.size() < count) {
            int missing = count - serials.size();
            byte[] bytes = new byte[missing * BYTES_PER_SERIAL];
            random.nextBytes(bytes);
            for (int i = 0; i < missing; i++) {
                String serial = encode(bytes, i * BYTES_PER_SERIAL);
                if (used.add(serial)) {
                    serials.add(serial);
                }
            }
        }
        return serials;
    }

    private static String encode(byte[] bytes, int offset) {
        char[] serial = new char[LENGTH];
        int buffer = 0;
        int bits = 0;
        int next = 0;
        for (int i = offset; i < offset + BYTES_PER_SERIAL; i++) {
            buffer = (buffer << 8) | (bytes[i] & 0xFF);
            bits += 8;
            while (bits >= BITS_PER_CHARACTER) {
                bits -= BITS_PER_CHARACTER;
                serial[next++] = ALPHABET.charAt((buffer >>> bits) & 0x1F);
            }
            buffer &= (1 << bits) - 1;
        }
        return new String(serial);
    }
}
