package io.crosstrace.seed;

/** Told how far the unit codes are, after each chunk; for progress output on long loads. */
@FunctionalInterface
public interface LoadListener {

    LoadListener NONE = (done, total) -> {
    };

    /**
     * @param done  unit codes of the world now in the database (written or found there already)
     * @param total unit codes in the world
     */
    void codesProgress(long done, long total);
}
