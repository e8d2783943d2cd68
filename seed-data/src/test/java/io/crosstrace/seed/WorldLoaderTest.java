package io.crosstrace.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;

import io.crosstrace.gs1.DigitalLink;
import io.crosstrace.gs1.Gln;
import io.crosstrace.gs1.Gtin;
import io.crosstrace.schema.embedded.EmbeddedNeo4j;
import io.crosstrace.schema.migration.MigrationRunner;
import io.crosstrace.schema.migration.Migrations;

/** Against a real Neo4j, with the schema the hub creates on its first start. */
class WorldLoaderTest {

    @TempDir
    static Path home;
    static EmbeddedNeo4j neo4j;
    static Driver driver;

    @BeforeAll
    static void start() {
        neo4j = EmbeddedNeo4j.start(home, 0, "128m");
        driver = GraphDatabase.driver(neo4j.boltUri().toString(), AuthTokens.none());
        new MigrationRunner(driver, null).migrate();
    }

    @AfterAll
    static void stop() {
        driver.close();
        neo4j.close();
    }

    /** The world's nodes go, the schema and its bookkeeping stay. */
    static void emptyWorld() {
        try (var session = driver.session()) {
            session.run("""
                    MATCH (n) WHERE NOT n:SchemaMigration AND NOT n:SchemaMigrationLock
                    CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
                    """).consume();
        }
    }

    /** Read-only checks, all on one load of the demo world. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class TheDemoWorld {

        private final WorldLoader loader = new WorldLoader(driver, null);
        private LoadReport report;

        @BeforeAll
        void load() {
            emptyWorld();
            report = loader.loadIfAbsent(WorldSpec.demo());
        }

        @Test
        void loads_with_everything_the_story_needs() {
            assertThat(report.loaded()).isTrue();
            assertThat(report.seedName()).isEqualTo("demo-world");
            assertThat(report.codesWritten()).isEqualTo(6_000);
            assertThat(count("MATCH (o:Organization) WHERE 'PRODUCER' IN o.roles RETURN count(o)"))
                    .isGreaterThanOrEqualTo(3);
            assertThat(report.count("Premises")).isEqualTo(5);
            assertThat(report.count("Product")).isEqualTo(6);
            assertThat(report.count("Batch")).isEqualTo(30);
            assertThat(report.count("Shipment")).isEqualTo(10);
            assertThat(report.count("Consignment")).isEqualTo(12);
            assertThat(report.count("Location")).isEqualTo(4);
            assertThat(report.count("TraceCode")).isEqualTo(6_000);
            assertThat(count("MATCH (c:Certificate) WHERE c.validUntil < $today RETURN count(c)",
                    Map.of("today", WorldGenerator.REFERENCE_DATE))).isGreaterThanOrEqualTo(1);
            assertThat(count("MATCH (c:Certificate {status: 'REVOKED'}) WHERE c.revokedReason <> '' "
                    + "RETURN count(c)")).isEqualTo(1);
            assertThat(count("MATCH (i:Inspection {result: 'FAIL'}) WHERE i.findings <> '' RETURN count(i)"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(count("MATCH (c:Consignment) RETURN count(DISTINCT c.status)")).isGreaterThanOrEqualTo(5);
            assertThat(count("MATCH (s:SeedRun {name: 'demo-world', codes: 6000}) WHERE s.loadedAt IS NOT NULL "
                    + "RETURN count(s)")).isEqualTo(1);
        }

        @Test
        void connects_every_node_as_the_model_says() {
            assertThat(count("""
                    MATCH (b:Batch)
                    WHERE NOT (b)-[:OF_PRODUCT]->(:Product) OR NOT (:Premises)-[:PRODUCED]->(b)
                       OR NOT (:Certificate {kind: 'TRACEABILITY'})-[:CERTIFIES]->(b)
                       OR COUNT { (b)-[:HAS_UNIT]->(:TraceCode) } <> b.quantity
                    RETURN count(b)""")).isZero();
            assertThat(count("MATCH (b:Batch) RETURN sum(b.quantity)")).isEqualTo(6_000);
            assertThat(count("MATCH (c:TraceCode) WHERE COUNT { (:Batch)-[:HAS_UNIT]->(c) } <> 1 RETURN count(c)"))
                    .isZero();
            assertThat(count("""
                    MATCH (p:Premises)
                    WHERE NOT (:Organization)-[:OPERATES]->(p)
                       OR NOT (:Certificate {kind: 'PREMISES_REGISTRATION'})-[:CERTIFIES]->(p)
                       OR NOT (:Inspection {kind: 'PREMISES_AUDIT'})-[:OF]->(p)
                    RETURN count(p)""")).isZero();
            assertThat(count("MATCH (p:Product) WHERE NOT (:Organization)-[:OWNS]->(p) RETURN count(p)")).isZero();
            assertThat(count("MATCH (c:Certificate) WHERE NOT (:Organization {gln: $auditor})-[:ISSUED]->(c) "
                    + "RETURN count(c)", Map.of("auditor", Cast.AUDITOR_ORG.gln().value()))).isZero();
            assertThat(count("MATCH (i:Inspection) WHERE NOT (:Organization)-[:PERFORMED]->(i) OR NOT (i)-[:OF]->() "
                    + "RETURN count(i)")).isZero();
            assertThat(count("""
                    MATCH (s:Shipment)
                    WHERE NOT (:Organization)-[:SHIPS]->(s)
                       OR NOT (s)-[:DEPARTS_FROM]->(:Location {kind: 'PORT', country: 'AU'})
                       OR NOT (s)-[:BOUND_FOR]->(:Location {kind: 'PORT', country: 'CN'})
                       OR NOT (s)-[:CARRIES]->(:Batch)
                    RETURN count(s)""")).isZero();
            assertThat(count("MATCH (b:Batch) WHERE COUNT { (:Shipment)-[:CARRIES]->(b) } > 1 RETURN count(b)"))
                    .isZero();
            assertThat(count("MATCH (b:Batch) WHERE NOT (:Shipment)-[:CARRIES]->(b) RETURN count(b)")).isEqualTo(3);
            assertThat(count("MATCH (:Shipment)-[k:CARRIES]->(b:Batch) WHERE k.quantity <> b.quantity "
                    + "RETURN count(k)")).isZero();
            assertThat(count("""
                    MATCH (c:Consignment)
                    WHERE NOT (c)-[:SHIPPED_AS]->(:Shipment) OR NOT (:Organization)-[:IMPORTS]->(c)
                       OR NOT (c)-[:ARRIVES_AT]->(:Location) OR NOT (c)-[:DECLARES]->(:Batch)
                       OR NOT COUNT { (c)-[:HAS_DOCUMENT]->(:Document) } IN [2, 3, 4]
                    RETURN count(c)""")).isZero();
            assertThat(count("""
                    MATCH (i:Inspection {kind: 'PORT_VERIFICATION'})-[:OF]->(c:Consignment)
                    WHERE NOT c.status IN ['RELEASED', 'REJECTED']
                       OR NOT EXISTS { (o:Organization)-[:PERFORMED]->(i) WHERE 'PORT_AUTHORITY' IN o.roles }
                    RETURN count(i)""")).isZero();
            assertThat(count("""
                    MATCH (c:Consignment {status: 'RELEASED'})
                    WHERE NOT (:Inspection {kind: 'PORT_VERIFICATION'})-[:OF]->(c)
                    RETURN count(c)""")).isZero();
        }

        @Test
        void every_gtin_and_gln_in_the_graph_is_valid() {
            List<String> gtins = strings("MATCH (n) WHERE n.gtin IS NOT NULL RETURN DISTINCT n.gtin");
            List<String> glns = strings("MATCH (n) WHERE n.gln IS NOT NULL RETURN n.gln");

            assertThat(gtins).hasSize(6).allSatisfy(g -> assertThat(new Gtin(g).value()).isEqualTo(g));
            assertThat(glns).hasSize(10 + 5 + 4).allSatisfy(g -> assertThat(new Gln(g).value()).isEqualTo(g));
        }

        @Test
        void every_trace_code_path_parses_back_to_its_gtin_lot_and_serial() {
            List<Record> codes = driver.executableQuery("""
                    MATCH (c:TraceCode)
                    RETURN c.gtin AS gtin, c.lot AS lot, c.serial AS serial, c.path AS path, c.status AS status,
                           c.issuedAt AS issuedAt""").execute().records();

            assertThat(codes).hasSize(6_000).allSatisfy(r -> {
                DigitalLink link = DigitalLink.parse(r.get("path").asString());
                assertThat(link.gtin().value()).isEqualTo(r.get("gtin").asString());
                assertThat(link.lot().value()).isEqualTo(r.get("lot").asString());
                assertThat(link.serial().value()).isEqualTo(r.get("serial").asString());
                assertThat(r.get("status").asString()).isEqualTo("ACTIVE");
                assertThat(r.get("issuedAt").asZonedDateTime().getOffset().getTotalSeconds()).isZero();
            });
        }

        @Test
        void loading_twice_does_not_duplicate() {
            long relationships = relationshipCount();

            LoadReport second = loader.loadIfAbsent(WorldSpec.demo());

            assertThat(second.skipped()).isTrue();
            assertThat(second.reason()).isEqualTo("already loaded");
            assertThat(second.codesWritten()).isZero();
            assertThat(second.nodeCounts()).isEqualTo(report.nodeCounts());
            assertThat(relationshipCount()).isEqualTo(relationships);
        }
    }

    /** Each test starts from an empty world. */
    @Nested
    class Reloading {

        private final WorldLoader loader = new WorldLoader(driver, null);

        @BeforeEach
        void empty() {
            emptyWorld();
        }

        @Test
        void an_interrupted_load_completes_on_the_next_run_without_duplicates() {
            LoadReport complete = loader.loadIfAbsent(WorldSpec.demo());
            long relationships = relationshipCount();
            // As if the load had died while writing codes: no marker, one batch half done, one not started.
            driver.executableQuery("""
                    MATCH (s:SeedRun) DELETE s
                    WITH count(*) AS done
                    MATCH (b:Batch) WITH b ORDER BY b.gtin, b.lot
                    WITH collect(b) AS batches
                    WITH batches[0] AS half, batches[1] AS none
                    CALL (half) { MATCH (half)-[:HAS_UNIT]->(c) WITH c LIMIT 50 DETACH DELETE c }
                    CALL (none) { MATCH (none)-[:HAS_UNIT]->(c) DETACH DELETE c }
                    """).execute();
            assertThat(loader.countNodes().get("TraceCode")).isLessThan(6_000);

            LoadReport rerun = loader.loadIfAbsent(WorldSpec.demo());

            assertThat(rerun.loaded()).isTrue();
            assertThat(rerun.nodeCounts()).isEqualTo(complete.nodeCounts());
            assertThat(relationshipCount()).isEqualTo(relationships);
            assertThat(count("MATCH (b:Batch) WHERE COUNT { (b)-[:HAS_UNIT]->() } <> b.quantity RETURN count(b)"))
                    .isZero();
            assertThat(count("MATCH (s:SeedRun) RETURN count(s)")).isEqualTo(1);
        }

        @Test
        void codes_written_by_another_loader_meanwhile_are_merged_not_duplicated() {
            LoadReport complete = loader.loadIfAbsent(WorldSpec.demo());
            long relationships = relationshipCount();
            // The codes of one batch exist but hang off no batch, so the batch looks empty and takes the CREATE
            // path; the uniqueness constraint stops the CREATE and the chunk is written again with MERGE.
            driver.executableQuery("""
                    MATCH (s:SeedRun) DELETE s
                    WITH count(*) AS done
                    MATCH (b:Batch) WITH b ORDER BY b.gtin, b.lot LIMIT 1
                    MATCH (b)-[h:HAS_UNIT]->() DELETE h
                    """).execute();

            LoadReport rerun = loader.loadIfAbsent(WorldSpec.demo());

            assertThat(rerun.nodeCounts()).isEqualTo(complete.nodeCounts());
            assertThat(relationshipCount()).isEqualTo(relationships);
        }

        @Test
        void a_database_holding_another_world_is_left_alone() {
            driver.executableQuery("CREATE (:SeedRun {name: 'demo-world', codes: 6000})").execute();

            LoadReport other = loader.loadIfAbsent(WorldSpec.ofUnitCodes(9_000));

            assertThat(other.skipped()).isTrue();
            assertThat(other.reason()).contains("demo-world");
            assertThat(other.count("Batch")).isZero();
            assertThat(loader.loadedWorlds()).containsExactly("demo-world");
        }

        @Test
        void a_database_without_the_schema_constraints_is_refused() {
            driver.executableQuery("DROP CONSTRAINT trace_code_path").execute();
            try {
                assertThatThrownBy(() -> loader.loadIfAbsent(WorldSpec.demo()))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("TraceCode(path)");
                assertThat(loader.countNodes().values()).containsOnly(0L);
            } finally {
                Migrations.shipped().stream().flatMap(m -> m.statements().stream())
                        .filter(statement -> statement.contains("trace_code_path"))
                        .forEach(statement -> driver.executableQuery(statement).execute());
            }
        }

        @Test
        void a_world_of_50000_codes_loads_exactly_50000_codes() {
            LoadReport report = new WorldLoader(driver, null, 20_000).loadIfAbsent(WorldSpec.ofUnitCodes(50_000));

            assertThat(report.loaded()).isTrue();
            assertThat(report.codesWritten()).isEqualTo(50_000);
            assertThat(report.count("TraceCode")).isEqualTo(50_000);
            assertThat(count("MATCH (:Batch)-[h:HAS_UNIT]->(:TraceCode) RETURN count(h)")).isEqualTo(50_000);
            assertThat(count("MATCH (c:TraceCode) RETURN count(DISTINCT c.serial)")).isEqualTo(50_000);
        }

        @Test
        void the_generator_command_migrates_loads_and_reports_the_rate() {
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            GenerateWorld.Options options = GenerateWorld.Options.parse(new String[] {
                    "--uri", neo4j.boltUri().toString(), "--codes", "3_000", "--seed", "42", "--chunk", "1000"},
                    Map.of());

            LoadReport report = GenerateWorld.run(options, new PrintStream(printed, true, StandardCharsets.UTF_8));

            assertThat(report.loaded()).isTrue();
            assertThat(report.seedName()).isEqualTo("world-3000-codes-seed-42");
            assertThat(report.count("TraceCode")).isEqualTo(3_000);
            assertThat(printed.toString(StandardCharsets.UTF_8))
                    .contains("3,000 / 3,000 unit codes")
                    .containsPattern("TraceCode +3,000")
                    .containsPattern("Elapsed [0-9.]+ s; 3,000 unit codes written, [0-9,]+ codes/s");
        }
    }

    private static long relationshipCount() {
        return count("MATCH ()-[r]->() RETURN count(r)");
    }

    private static long count(String cypher) {
        return count(cypher, Map.of());
    }

    private static long count(String cypher, Map<String, Object> parameters) {
        return driver.executableQuery(cypher).withParameters(parameters).execute().records().getFirst().get(0)
                .asLong();
    }

    private static List<String> strings(String cypher) {
        return driver.executableQuery(cypher).execute().records().stream().map(r -> r.get(0).asString()).toList();
    }
}
