package io.crosstrace.seed;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link WorldLoader#loadIfAbsent} did.
 *
 * @param seedName     the name of the world's {@code SeedRun} marker
 * @param loaded       true when this run wrote the world, false when it skipped
 * @param reason       why it loaded or skipped, for the log
 * @param nodeCounts   nodes per label in the database after the run, labels in the model's order
 * @param codesWritten unit codes this run sent to the database (0 when skipped)
 * @param elapsed      wall-clock time of the run
 */
public record LoadReport(String seedName, boolean loaded, String reason, Map<String, Long> nodeCounts,
                         long codesWritten, Duration elapsed) {

    public LoadReport {
        nodeCounts = Collections.unmodifiableMap(new LinkedHashMap<>(nodeCounts));
    }

    public boolean skipped() {
        return !loaded;
    }

    /** Nodes with {@code label} after the run, 0 for a label not counted. */
    public long count(String label) {
        return nodeCounts.getOrDefault(label, 0L);
    }

    public double codesPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds > 0 ? codesWritten / seconds : 0;
    }
}
