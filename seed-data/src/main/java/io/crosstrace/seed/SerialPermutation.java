package io.crosstrace.seed;

import java.util.SplittableRandom;

/**
 * Turns the ordinal of a unit code in its world into a 12-character serial that looks random.
 *
 * <p>A keyed Feistel network is a bijection on 60-bit numbers, so distinct ordinals always give distinct
 * serials: serials are unique across the whole world (hence per GTIN) without remembering the ones already
 * issued, which matters when ten million codes are minted batch by batch. The keys come from the world's
 * seed, so the same world always gets the same serials.
 */
final class SerialPermutation {

    /** 32 characters, leaving out 0/O and 1/I which are misread on printed labels: 5 bits each. */
    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final int LENGTH = 12;

    private static final int HALF_BITS = 30;
    private static final long HALF_MASK = (1L << HALF_BITS) - 1;
    private static final long DOMAIN = 1L << (2 * HALF_BITS);
    private static final int ROUNDS = 4;

    private final long[] roundKeys = new long[ROUNDS];

    SerialPermutation(long seed) {
        // Keys from their own stream, so adding draws elsewhere in the world never changes the serials.
        SplittableRandom keys = new SplittableRandom(seed ^ 0x5E71A1_5E71A1L);
        for (int i = 0; i < ROUNDS; i++) {
            roundKeys[i] = keys.nextLong();
        }
    }

    String serialOf(long ordinal) {
        if (ordinal < 0 || ordinal >= DOMAIN) {
            throw new IllegalArgumentException("unit code ordinal out of range: " + ordinal);
        }
        long left = ordinal >>> HALF_BITS;
        long right = ordinal & HALF_MASK;
        for (long key : roundKeys) {
            long next = left ^ (mix(right ^ key) & HALF_MASK);
            left = right;
            right = next;
        }
        return encode((left << HALF_BITS) | right);
    }

    private static String encode(long value) {
        char[] chars = new char[LENGTH];
        for (int i = LENGTH - 1; i >= 0; i--) {
            chars[i] = ALPHABET.charAt((int) (value & 31));
            value >>>= 5;
        }
        return new String(chars);
    }

    /** The MurmurHash3 finaliser: every input bit affects every output bit. */
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
