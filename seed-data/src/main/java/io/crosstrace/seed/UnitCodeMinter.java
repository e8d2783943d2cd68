package io.crosstrace.seed;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import io.crosstrace.gs1.DigitalLink;
import io.crosstrace.gs1.Serial;

/**
 * Mints the unit codes of a world's batches on demand. Nothing is stored per code: the codes of a batch are
 * the ordinals after those of the batches before it, each turned into a serial by a keyed permutation, so
 * any slice of any batch can be produced again at any time, in the same form.
 */
final class UnitCodeMinter {

    /** Codes are issued on the production line over a twelve-hour shift starting at 06:00 UTC. */
    private static final long SHIFT_MILLIS = 12 * 3_600_000L;

    private final List<Batch> batches;
    private final long[] firstOrdinal;
    private final SerialPermutation serials;

    UnitCodeMinter(long seed, List<Batch> batches) {
        this.batches = List.copyOf(batches);
        this.firstOrdinal = new long[batches.size()];
        long next = 0;
        for (int i = 0; i < batches.size(); i++) {
            firstOrdinal[i] = next;
            next += batches.get(i).quantity();
        }
        this.serials = new SerialPermutation(seed);
    }

    /** Codes {@code from} (inclusive) to {@code from + count} (exclusive) of the batch at {@code batchIndex}. */
    List<UnitCode> slice(int batchIndex, long from, int count) {
        Batch batch = batches.get(batchIndex);
        if (from < 0 || count < 0 || from + count > batch.quantity()) {
            throw new IndexOutOfBoundsException("codes " + from + ".." + (from + count) + " of a batch of "
                    + batch.quantity());
        }
        OffsetDateTime shiftStart = batch.productionDate().atTime(6, 0).atOffset(ZoneOffset.UTC);
        long spacing = Math.max(1, SHIFT_MILLIS / batch.quantity());
        List<UnitCode> codes = new ArrayList<>(count);
        for (long k = from; k < from + count; k++) {
            Serial serial = new Serial(serials.serialOf(firstOrdinal[batchIndex] + k));
            String path = DigitalLink.unit(batch.gtin(), batch.lot(), serial).path();
            OffsetDateTime issuedAt = shiftStart.plusNanos(k * spacing * 1_000_000);
            codes.add(new UnitCode(batch.gtin(), batch.lot(), serial, path, issuedAt));
        }
        return codes;
    }

    /** The codes of one batch, made one at a time as they are read. */
    Iterator<UnitCode> codesOf(int batchIndex) {
        long quantity = batches.get(batchIndex).quantity();
        return new Iterator<>() {
            private long next;

            @Override
            public boolean hasNext() {
                return next < quantity;
            }

            @Override
            public UnitCode next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return slice(batchIndex, next++, 1).getFirst();
            }
        };
    }
}
