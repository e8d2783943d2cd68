package io.crosstrace.hub.graphdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.crosstrace.CrossTraceApplication;
import io.crosstrace.schema.embedded.EmbeddedNeo4j;
import io.crosstrace.schema.migration.MigrationChecksumMismatchException;
import io.crosstrace.schema.migration.MigrationRunner;

/** Starting the hub on a database that already exists: an external one, or one with a changed migration. */
class StartupAgainstExistingDatabaseTest {

    @TempDir
    Path dataDir;

    @Test
    void refuses_to_start_when_an_applied_migration_was_changed() {
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(dataDir.resolve("neo4j"), 0, "32m");
                Driver driver = GraphDatabase.driver(neo4j.boltUri().toString(), AuthTokens.none())) {
            new MigrationRunner(driver, null).migrate();
            driver.executableQuery("MATCH (m:SchemaMigration {version: 2}) SET m.checksum = 'changed-since'").execute();
        }

        assertThatThrownBy(() -> hub("--crosstrace.data-dir=" + dataDir, "--crosstrace.seed=false").close())
                .hasRootCauseInstanceOf(MigrationChecksumMismatchException.class)
                .rootCause().hasMessageContaining("V0002__lookup_indexes.cypher").hasMessageContaining("changed-since");
    }

    @Test
    void uses_an_external_database_and_starts_no_engine_when_a_uri_is_set() {
        try (EmbeddedNeo4j external = EmbeddedNeo4j.start(dataDir.resolve("external"), 0, "32m");
                ConfigurableApplicationContext hub = hub("--spring.neo4j.uri=" + external.boltUri(),
                        "--spring.neo4j.authentication.username=neo4j", "--crosstrace.data-dir=" + dataDir.resolve("unused"))) {
            assertThat(hub.getBeanNamesForType(EmbeddedNeo4jAutoConfiguration.EmbeddedEngine.class)).isEmpty();
            assertThat(dataDir.resolve("unused/neo4j")).doesNotExist();
            long codes = (long) external.database().executeTransactionally(
                    "MATCH (c:TraceCode) RETURN count(c) AS n", java.util.Map.of(), r -> r.next().get("n"));
            assertThat(codes).as("demo world loaded into the external database").isGreaterThanOrEqualTo(5000);
        }
    }

    private static ConfigurableApplicationContext hub(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--server.port=0";
        all[args.length + 1] = "--crosstrace.embedded.page-cache=32m";
        return new SpringApplicationBuilder(CrossTraceApplication.class).run(all);
    }
}
