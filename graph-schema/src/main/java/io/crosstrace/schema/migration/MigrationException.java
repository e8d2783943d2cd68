package io.crosstrace.schema.migration;

/** The schema could not be brought up to date; the hub must not start on such a database. */
public class MigrationException extends RuntimeException {

    public MigrationException(String message) {
        super(message);
    }

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
