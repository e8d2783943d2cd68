package io.crosstrace.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

import io.crosstrace.schema.embedded.EmbeddedNeo4j;

/**
 * A seeding killed with SIGKILL in the middle of writing unit codes: Neo4j recovers the store on the next start,
 * each chunk of codes is there whole or not at all, no code lacks its batch, the world is not marked loaded, and
 * running the seeding again completes it exactly, with no code twice.
 */
class KilledSeedingTest {

    private static final int CODES = 200_000;
    private static final int CHUNK = 5_000;

    @TempDir
    Path dir;

    @Test
    void a_killed_seeding_leaves_whole_chunks_and_a_rerun_completes_it_exactly() throws Exception {
        Path store = dir.resolve("neo4j");
        Path log = dir.resolve("seeding.log");
        Process seeding = seeding(store, log);
        awaitLine(seeding, log, " unit codes (", Duration.ofMinutes(3));
        seeding.destroyForcibly();
        assertThat(seeding.waitFor(30, TimeUnit.SECONDS)).isTrue();

        long codesAfterKill;
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(store, 0, "64m");
                Driver driver = GraphDatabase.driver(neo4j.boltUri().toString(), AuthTokens.none())) {
            codesAfterKill = count(driver, "MATCH (c:TraceCode) RETURN count(c)");
            assertThat(codesAfterKill).as("killed while writing codes").isPositive().isLessThan(CODES);
            assertThat(codesAfterKill % CHUNK).as("codes come in whole chunks of " + CHUNK).isZero();
            assertThat(count(driver, "MATCH (c:TraceCode) WHERE NOT (c)<-[:HAS_UNIT]-(:Batch) RETURN count(c)"))
                    .as("codes without their batch").isZero();
            assertThat(count(driver, "MATCH (s:SeedRun) RETURN count(s)")).as("marked loaded").isZero();
        }

        Process rerun = seeding(store, dir.resolve("rerun.log"));
        assertThat(rerun.waitFor(5, TimeUnit.MINUTES)).as("the re-run finishes").isTrue();
        assertThat(rerun.exitValue()).as(Files.readString(dir.resolve("rerun.log"))).isZero();

        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(store, 0, "64m");
                Driver driver = GraphDatabase.driver(neo4j.boltUri().toString(), AuthTokens.none())) {
            assertThat(count(driver, "MATCH (c:TraceCode) RETURN count(c)")).isEqualTo(CODES);
            assertThat(count(driver, "MATCH (c:TraceCode) RETURN count(DISTINCT c.path)")).isEqualTo(CODES);
            assertThat(count(driver, "MATCH (:Batch)-[r:HAS_UNIT]->(:TraceCode) RETURN count(r)")).isEqualTo(CODES);
            assertThat(count(driver, "MATCH (s:SeedRun) RETURN count(s)")).isOne();
            assertThat(count(driver, """
                    MATCH (b:Batch) WITH b.gtin AS gtin, b.lot AS lot, count(*) AS copies WHERE copies > 1
                    RETURN count(*)""")).as("batches written twice").isZero();
        }
    }

    /** The seeding command in a JVM of its own, with the flags the embedded engine needs. */
    private static Process seeding(Path store, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("--enable-native-access")).forEach(command::add);
        command.addAll(List.of("-Xmx1g", "-cp", System.getProperty("java.class.path"), GenerateWorld.class.getName(),
                "--embedded", store.toString(), "--codes", Integer.toString(CODES), "--chunk", Integer.toString(CHUNK),
                "--page-cache", "64m"));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitLine(Process process, Path log, String marker, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!Files.readString(log).contains(marker)) {
            assertThat(process.isAlive()).as("seeding still running: " + Files.readString(log)).isTrue();
            assertThat(System.nanoTime()).as("'" + marker + "' within " + limit).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static long count(Driver driver, String cypher) {
        return driver.executableQuery(cypher).execute().records().getFirst().get(0).asLong();
    }
}
