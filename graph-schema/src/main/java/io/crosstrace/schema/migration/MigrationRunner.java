package io.crosstrace.schema.migration;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies versioned Cypher migrations: in order, each once, each recorded as a {@code SchemaMigration}
 * node with its checksum. Refuses to go on when an applied file was changed.
 *
 * <p>Several hub instances may start at once against one database. They serialise on a lease held in a
 * {@code SchemaMigrationLock} node: taking it writes the node first, so Neo4j's node write lock orders
 * competing takers, and a taker decides only after it holds that lock. The lease expires, so an instance
 * killed while migrating does not block the others for ever.
 */
public final class MigrationRunner {

    private static final Logger log = LoggerFactory.getLogger(MigrationRunner.class);

    private static final String LOCK_NAME = "schema";

    private final Driver driver;
    private final SessionConfig sessionConfig;
    private final Duration leaseDuration;
    private final Duration lockWaitTimeout;
    private final String owner;

    public MigrationRunner(Driver driver, String database) {
        this(driver, database, Duration.ofMinutes(5), Duration.ofMinutes(10));
    }

    /**
     * @param database        null for the server's default database
     * @param leaseDuration   how long a lease lasts without renewal (renewed after each migration)
     * @param lockWaitTimeout how long to wait for another instance's lease before giving up
     */
    public MigrationRunner(Driver driver, String database, Duration leaseDuration, Duration lockWaitTimeout) {
        this.driver = driver;
        this.sessionConfig = database == null || database.isBlank()
                ? SessionConfig.defaultConfig()
                : SessionConfig.forDatabase(database);
        this.leaseDuration = leaseDuration;
        this.lockWaitTimeout = lockWaitTimeout;
        this.owner = hostName() + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID();
    }

    /** Applies the migrations this module ships. */
    public MigrationReport migrate() {
        return migrate(Migrations.shipped());
    }

    public MigrationReport migrate(List<Migration> migrations) {
        requireDistinctVersions(migrations);
        if (allApplied(migrations)) {
            // The common start: nothing to do, so no lock and no schema statements (each costs a cold
            // query plan on a fresh JVM).
            log.info("Graph schema up to date: {} migration(s), none pending", migrations.size());
            return new MigrationReport(List.of(), migrations.size());
        }
        createBookkeepingConstraints();
        acquireLease();
        try {
            Map<Integer, String> applied = appliedChecksums();
            for (Migration migration : migrations) {
                String checksum = applied.get(migration.version());
                if (checksum != null && !checksum.equals(migration.checksum())) {
                    throw new MigrationChecksumMismatchException(migration, checksum);
                }
            }
            List<Integer> appliedNow = new ArrayList<>();
            for (Migration migration : migrations) {
                if (!applied.containsKey(migration.version())) {
                    apply(migration);
                    appliedNow.add(migration.version());
                    renewLease();
                }
            }
            int alreadyApplied = migrations.size() - appliedNow.size();
            log.info("Graph schema up to date: {} migration(s) applied now, {} already applied", appliedNow.size(),
                    alreadyApplied);
            return new MigrationReport(List.copyOf(appliedNow), alreadyApplied);
        } finally {
            releaseLease();
        }
    }

    /** True when every migration is applied unchanged; a changed one fails here already. */
    private boolean allApplied(List<Migration> migrations) {
        Map<Integer, String> applied = appliedChecksums();
        boolean all = true;
        for (Migration migration : migrations) {
            String checksum = applied.get(migration.version());
            if (checksum == null) {
                all = false;
            } else if (!checksum.equals(migration.checksum())) {
                throw new MigrationChecksumMismatchException(migration, checksum);
            }
        }
        return all;
    }

    private void apply(Migration migration) {
        long started = System.nanoTime();
        try (Session session = session()) {
            // Neo4j refuses schema and data changes in one transaction: one transaction per statement.
            for (String statement : migration.statements()) {
                session.executeWrite(tx -> tx.run(statement).consume());
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            session.executeWrite(tx -> tx.run("""
                    CREATE (:SchemaMigration {version: $version, description: $description, fileName: $fileName,
                            checksum: $checksum, appliedAt: datetime(), appliedBy: $owner, durationMillis: $millis})
                    """, Map.of("version", migration.version(), "description", migration.description(),
                    "fileName", migration.fileName(), "checksum", migration.checksum(), "owner", owner,
                    "millis", millis)).consume());
            log.info("Applied migration {} in {} ms", migration.fileName(), millis);
        } catch (Neo4jException e) {
            throw new MigrationException("Migration " + migration.fileName() + " failed: " + e.getMessage(), e);
        }
    }

    private Map<Integer, String> appliedChecksums() {
        try (Session session = session()) {
            return session.executeRead(tx -> {
                Map<Integer, String> applied = new HashMap<>();
                tx.run("MATCH (m:SchemaMigration) RETURN m.version AS version, m.checksum AS checksum")
                        .forEachRemaining(r -> applied.put(r.get("version").asInt(), r.get("checksum").asString()));
                return applied;
            });
        }
    }

    private void createBookkeepingConstraints() {
        List<String> statements = List.of(
                "CREATE CONSTRAINT schema_migration_version IF NOT EXISTS FOR (m:SchemaMigration) REQUIRE m.version IS UNIQUE",
                "CREATE CONSTRAINT schema_migration_lock_name IF NOT EXISTS FOR (l:SchemaMigrationLock) REQUIRE l.name IS UNIQUE");
        for (String statement : statements) {
            // Two instances creating the same constraint at the same moment: one of them may be told it
            // already exists; the next attempt then finds it and does nothing.
            for (int attempt = 1; ; attempt++) {
                try (Session session = session()) {
                    session.executeWrite(tx -> tx.run(statement).consume());
                    break;
                } catch (Neo4jException e) {
                    if (attempt >= 5) {
                        throw new MigrationException("Could not create the migration bookkeeping constraints: "
                                + e.getMessage(), e);
                    }
                    sleep(Duration.ofMillis(100L * attempt));
                }
            }
        }
    }

    private void acquireLease() {
        Instant deadline = Instant.now().plus(lockWaitTimeout);
        String holder = null;
        while (Instant.now().isBefore(deadline)) {
            holder = tryTakeLease();
            if (owner.equals(holder)) {
                return;
            }
            log.info("Waiting for schema migrations run by {}", holder);
            sleep(Duration.ofMillis(250));
        }
        throw new MigrationException("Another instance (" + holder + ") holds the schema migration lock for more than "
                + lockWaitTimeout.toSeconds() + " s; if it died, its lease expires within "
                + leaseDuration.toSeconds() + " s");
    }

    /** Returns the lease holder after the attempt: this runner when it got it. */
    private String tryTakeLease() {
        try (Session session = session()) {
            return session.executeWrite(tx -> tx.run("""
                    MERGE (l:SchemaMigrationLock {name: $name})
                    SET l.touchedAt = datetime()
                    WITH l
                    CALL (l) {
                      WITH l WHERE l.owner IS NULL OR l.owner = $owner OR l.expiresAt < datetime()
                      SET l.owner = $owner, l.expiresAt = datetime() + duration({seconds: $seconds})
                    }
                    RETURN l.owner AS owner
                    """, Map.of("name", LOCK_NAME, "owner", owner, "seconds", leaseDuration.toSeconds()))
                    .single().get("owner").asString(null));
        }
    }

    private void renewLease() {
        try (Session session = session()) {
            session.executeWrite(tx -> tx.run("""
                    MATCH (l:SchemaMigrationLock {name: $name, owner: $owner})
                    SET l.expiresAt = datetime() + duration({seconds: $seconds})
                    """, Map.of("name", LOCK_NAME, "owner", owner, "seconds", leaseDuration.toSeconds())).consume());
        }
    }

    private void releaseLease() {
        try (Session session = session()) {
            session.executeWrite(tx -> tx.run("""
                    MATCH (l:SchemaMigrationLock {name: $name, owner: $owner})
                    REMOVE l.owner, l.expiresAt
                    """, Map.of("name", LOCK_NAME, "owner", owner)).consume());
        } catch (Neo4jException e) {
            log.warn("Could not release the schema migration lock; it expires by itself", e);
        }
    }

    private static void requireDistinctVersions(List<Migration> migrations) {
        Map<Integer, String> seen = new HashMap<>();
        for (Migration migration : migrations) {
            String other = seen.put(migration.version(), migration.fileName());
            if (other != null) {
                throw new MigrationException("Two migrations share version " + migration.version() + ": " + other
                        + " and " + migration.fileName());
            }
        }
    }

    private Session session() {
        return driver.session(sessionConfig);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException("Interrupted while migrating the schema", e);
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown-host";
        }
    }
}
