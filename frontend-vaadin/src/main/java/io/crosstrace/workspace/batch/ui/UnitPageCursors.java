package io.crosstrace.workspace.batch.ui;

import java.util.Map;
import java.util.TreeMap;

/**
 * Remembers, for a grid scrolled over one batch's units, which serial sits at which row; a page request for a row
 * offset then starts from the nearest serial before it and skips only the rows in between. The grid asks by offset,
 * the service reads by key: this is where the two meet.
 */
final class UnitPageCursors {

    /** Where to start reading: after this serial (null: from the first unit), skipping this many units. */
    record Start(String afterSerial, long skip) {
    }

    private final TreeMap<Long, String> serialAtRow = new TreeMap<>();

    Start startFor(long offset) {
        Map.Entry<Long, String> known = serialAtRow.floorEntry(offset - 1);
        return known == null ? new Start(null, offset) : new Start(known.getValue(), offset - 1 - known.getKey());
    }

    /** The last serial of a page read at this offset (pages end on known rows, so later pages start there). */
    void remember(long offset, java.util.List<String> serials) {
        if (!serials.isEmpty()) {
            serialAtRow.put(offset + serials.size() - 1, serials.getLast());
        }
    }

    void forget() {
        serialAtRow.clear();
    }
}
