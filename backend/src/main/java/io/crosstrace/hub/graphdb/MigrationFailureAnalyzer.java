package io.crosstrace.hub.graphdb;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import io.crosstrace.schema.migration.MigrationChecksumMismatchException;
import io.crosstrace.schema.migration.MigrationException;

/** Turns a failed schema migration into a start-up message that says what to do, not a stack trace. */
class MigrationFailureAnalyzer extends AbstractFailureAnalyzer<MigrationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MigrationException cause) {
        String action = cause instanceof MigrationChecksumMismatchException
                ? "Restore the applied migration file as it was and put the change in a new V{next}__….cypher file."
                : "Check that Neo4j is reachable and the migration's Cypher is valid, then start again.";
        return new FailureAnalysis("The graph schema could not be brought up to date: " + cause.getMessage(), action,
                cause);
    }
}
