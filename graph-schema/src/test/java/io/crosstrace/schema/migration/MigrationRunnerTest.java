package io.crosstrace.schema.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

import io.crosstrace.schema.embedded.EmbeddedNeo4j;

class MigrationRunnerTest {

    private static final int SHIPPED = Migrations.shipped().size();
    private static final java.util.List<Integer> ALL_VERSIONS =
            Migrations.shipped().stream().map(Migration::version).toList();

    @TempDir
    static Path home;
    static EmbeddedNeo4j neo4j;
    static Driver driver;

    @BeforeAll
    static void start() {
        neo4j = EmbeddedNeo4j.start(home, 0, "64m");
        driver = GraphDatabase.driver(neo4j.boltUri().toString(), AuthTokens.none());
    }

    @AfterAll
    static void stop() {
        driver.close();
        neo4j.close();
    }

    @BeforeEach
    void emptyDatabase() {
        driver.executableQuery("MATCH (n) DETACH DELETE n").execute();
        driver.executableQuery("SHOW CONSTRAINTS YIELD name").execute().records().forEach(r ->
                driver.executableQuery("DROP CONSTRAINT " + quoted(r.get("name").asString())).execute());
        driver.executableQuery("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP'").execute().records().forEach(r ->
                driver.executableQuery("DROP INDEX " + quoted(r.get("name").asString()) + " IF EXISTS").execute());
    }

    @Test
    void applies_the_shipped_migrations_in_order_once() {
        MigrationReport first = new MigrationRunner(driver, null).migrate();
        MigrationReport second = new MigrationRunner(driver, null).migrate();

        assertThat(first.applied()).containsExactlyElementsOf(ALL_VERSIONS);
        assertThat(second.applied()).isEmpty();
        assertThat(second.alreadyApplied()).isEqualTo(SHIPPED);
        assertThat(count("MATCH (m:SchemaMigration) RETURN count(m) AS n")).isEqualTo(SHIPPED);
        List<String> checksums = driver.executableQuery("MATCH (m:SchemaMigration) RETURN m.checksum AS c ORDER BY m.version")
                .execute().records().stream().map(r -> r.get("c").asString()).toList();
        assertThat(checksums).isEqualTo(Migrations.shipped().stream().map(Migration::checksum).toList());
        assertThat(count("SHOW CONSTRAINTS YIELD name WHERE name = 'product_gtin' RETURN count(*) AS n")).isEqualTo(1);
        assertThat(count("SHOW INDEXES YIELD name, type WHERE name = 'search_names_numbers' AND type = 'FULLTEXT' RETURN count(*) AS n"))
                .isEqualTo(1);
    }

    @Test
    void refuses_to_run_when_an_applied_file_was_changed() {
        Migration original = Migration.of("V0001__things.cypher",
                "CREATE CONSTRAINT thing_key IF NOT EXISTS FOR (t:Thing) REQUIRE t.key IS UNIQUE;\n");
        new MigrationRunner(driver, null).migrate(List.of(original));
        Migration edited = Migration.of("V0001__things.cypher",
                "CREATE CONSTRAINT thing_key IF NOT EXISTS FOR (t:Thing) REQUIRE t.code IS UNIQUE;\n");
        Migration next = Migration.of("V0002__more.cypher", "CREATE INDEX thing_name IF NOT EXISTS FOR (t:Thing) ON (t.name);");

        assertThatThrownBy(() -> new MigrationRunner(driver, null).migrate(List.of(edited, next)))
                .isInstanceOf(MigrationChecksumMismatchException.class)
                .hasMessageContaining("V0001__things.cypher")
                .hasMessageContaining(original.checksum())
                .hasMessageContaining(edited.checksum());
        assertThat(count("MATCH (m:SchemaMigration) RETURN count(m) AS n"))
                .as("nothing after the changed file is applied").isEqualTo(1);
        assertThat(count("MATCH (l:SchemaMigrationLock) WHERE l.owner IS NOT NULL RETURN count(l) AS n"))
                .as("the lock is released after a refusal").isZero();
    }

    @Test
    void instances_starting_at_once_apply_each_migration_exactly_once() throws Exception {
        int instances = 4;
        try (ExecutorService pool = Executors.newFixedThreadPool(instances)) {
            List<Callable<MigrationReport>> runs = Stream.<Callable<MigrationReport>>generate(
                    () -> () -> new MigrationRunner(driver, null).migrate()).limit(instances).toList();
            List<MigrationReport> reports = pool.invokeAll(runs).stream().map(MigrationRunnerTest::get).toList();

            assertThat(reports.stream().mapToInt(r -> r.applied().size()).sum()).isEqualTo(SHIPPED);
            assertThat(reports).allSatisfy(r -> assertThat(r.applied().size() + r.alreadyApplied()).isEqualTo(SHIPPED));
        }
        assertThat(count("MATCH (m:SchemaMigration) RETURN count(m) AS n")).isEqualTo(SHIPPED);
    }

    @Test
    void waits_for_a_live_lease_and_takes_over_an_expired_one() {
        driver.executableQuery("""
                MERGE (l:SchemaMigrationLock {name: 'schema'})
                SET l.owner = 'other-instance', l.expiresAt = datetime() + duration('PT1H')""").execute();

        MigrationRunner impatient = new MigrationRunner(driver, null, Duration.ofSeconds(30), Duration.ofMillis(600));
        assertThatThrownBy(() -> impatient.migrate(Migrations.shipped()))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("other-instance");
        assertThat(count("MATCH (m:SchemaMigration) RETURN count(m) AS n")).isZero();

        driver.executableQuery("""
                MATCH (l:SchemaMigrationLock {name: 'schema'}) SET l.expiresAt = datetime() - duration('PT1S')""").execute();
        assertThat(impatient.migrate(Migrations.shipped()).applied()).containsExactlyElementsOf(ALL_VERSIONS);
    }

    @Test
    void an_up_to_date_database_is_checked_without_taking_the_lock() {
        new MigrationRunner(driver, null).migrate();
        driver.executableQuery("""
                MATCH (l:SchemaMigrationLock {name: 'schema'})
                SET l.owner = 'other-instance', l.expiresAt = datetime() + duration('PT1H')""").execute();

        MigrationRunner impatient = new MigrationRunner(driver, null, Duration.ofSeconds(30), Duration.ofMillis(600));
        assertThat(impatient.migrate().alreadyApplied()).isEqualTo(SHIPPED);
    }

    @Test
    void the_index_lists_every_migration_file_in_the_folder() throws IOException {
        Path folder = Path.of("src/main/resources/db/migration");
        try (Stream<Path> files = Files.list(folder)) {
            List<String> onDisk = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".cypher")).sorted().toList();
            assertThat(Migrations.shipped().stream().map(Migration::fileName).toList()).isEqualTo(onDisk);
        }
    }

    @Test
    void statements_are_split_at_line_ends_and_comments_dropped() {
        Migration m = Migration.of("V0007__x.cypher", "// note; with a semicolon\nRETURN 1;\nRETURN\n 'a;b';\r\nRETURN 3");
        assertThat(m.statements()).containsExactly("RETURN 1", "RETURN\n 'a;b'", "RETURN 3");
        assertThat(m.version()).isEqualTo(7);
        assertThat(m.description()).isEqualTo("x");
        assertThatThrownBy(() -> Migration.of("0001_bad.cypher", "")).isInstanceOf(IllegalArgumentException.class);
    }

    private static long count(String cypher) {
        return driver.executableQuery(cypher).execute().records().getFirst().get("n").asLong();
    }

    private static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
