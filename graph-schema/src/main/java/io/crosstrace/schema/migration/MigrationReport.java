package io.crosstrace.schema.migration;

import java.util.List;

/**
 * What a run did.
 *
 * @param applied         versions applied by this run, in order
 * @param alreadyApplied  how many shipped migrations were found applied
 */
public record MigrationReport(List<Integer> applied, int alreadyApplied) {
}
