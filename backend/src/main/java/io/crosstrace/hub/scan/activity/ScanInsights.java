package io.crosstrace.hub.scan.activity;

import java.util.List;

/**
 * What the hub knows from the scans of one unit code.
 *
 * @param scanCount the consumer scans recorded for the code (written to the graph; a scan waits at most the
 *                  writer's batch delay, 200 ms by default, before it counts)
 * @param flags     the clone suspicions raised for the code, one per rule at most, newest first
 */
public record ScanInsights(long scanCount, List<CloneFlag> flags) {

    /** A code nobody has scanned, or one the hub does not know. */
    public static final ScanInsights NONE = new ScanInsights(0, List.of());

    public ScanInsights {
        flags = List.copyOf(flags);
    }

    public boolean flagged() {
        return !flags.isEmpty();
    }
}
