package io.crosstrace.schema.migration;

/** An applied migration file was edited afterwards; the database and the code no longer agree. */
public class MigrationChecksumMismatchException extends MigrationException {

    public MigrationChecksumMismatchException(Migration migration, String appliedChecksum) {
        super("Migration " + migration.fileName() + " was changed after it was applied to this database"
                + " (applied checksum " + appliedChecksum + ", file now " + migration.checksum() + ")."
                + " Restore the file and put the change in a new migration with a higher version.");
    }
}
