package io.crosstrace.seed;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;

import io.crosstrace.schema.embedded.EmbeddedNeo4j;
import io.crosstrace.schema.migration.MigrationRunner;

import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;

/**
 * Generates a world of any size and loads it, for load tests and benchmarks:
 *
 * <pre>
 * GenerateWorld [--uri bolt://localhost:7687 | --embedded DIR] [--user U] [--password P] [--database D]
 *               [--codes N] [--seed S] [--chunk N] [--page-cache 512m]
 * </pre>
 *
 * Applies the graph-schema migrations first, then loads the world unless it is there already, then prints
 * the node counts, the elapsed time and the rate in unit codes per second.
 */
public final class GenerateWorld {

    private static final String USAGE = """
            Usage: GenerateWorld [options]
              --uri URI          Neo4j to load into (default bolt://localhost:7687)
              --embedded DIR     start an embedded Neo4j with its store in DIR instead
              --user USER        default: $NEO4J_USER, else neo4j
              --password PASS    default: $NEO4J_PASSWORD; without one, no authentication
              --database NAME    default: the server's default database
              --codes N          unit codes to generate (default 1000000)
              --seed S           random seed (default %d, the demo world's)
              --chunk N          unit codes per transaction (default %d)
              --page-cache SIZE  page cache of the embedded Neo4j (default 512m)
            """.formatted(WorldSpec.DEMO_SEED, WorldLoader.DEFAULT_CODE_CHUNK);

    private GenerateWorld() {
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args, System.getenv());
            if (options != null) {
                options.spec();
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.print(USAGE);
            return;
        }
        run(options, System.out);
    }

    static LoadReport run(Options options, PrintStream out) {
        WorldSpec spec = options.spec();
        EmbeddedNeo4j embedded = null;
        try {
            String uri = options.uri();
            AuthToken auth = options.password() == null
                    ? AuthTokens.none()
                    : AuthTokens.basic(options.user(), options.password());
            if (options.embeddedDir() != null) {
                embedded = EmbeddedNeo4j.start(options.embeddedDir(), 0, options.pageCache());
                uri = embedded.boltUri().toString();
                auth = AuthTokens.none();
                out.println("Embedded Neo4j started at " + uri + ", store under "
                        + options.embeddedDir().toAbsolutePath());
            }
            // The driver's own INFO lines would interleave with the progress printed here.
            Config config = Config.builder().withLogging(Logging.javaUtilLogging(Level.WARNING)).build();
            try (Driver driver = GraphDatabase.driver(uri, auth, config)) {
                driver.verifyConnectivity();
                new MigrationRunner(driver, options.database()).migrate();
                out.printf(Locale.ROOT, "World '%s': %,d unit codes in %d batches, %d shipments, %d consignments%n",
                        spec.name(), spec.unitCodes(), spec.batches(), spec.shipments(), spec.consignments());
                LoadReport report = new WorldLoader(driver, options.database(), options.chunk())
                        .loadIfAbsent(spec, new ProgressPrinter(out));
                print(report, out);
                return report;
            }
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private static void print(LoadReport report, PrintStream out) {
        out.println(report.loaded() ? "Loaded '" + report.seedName() + "'"
                : "Skipped '" + report.seedName() + "': " + report.reason());
        for (Map.Entry<String, Long> count : report.nodeCounts().entrySet()) {
            out.printf(Locale.ROOT, "  %-12s %,14d%n", count.getKey(), count.getValue());
        }
        double seconds = report.elapsed().toMillis() / 1000.0;
        out.printf(Locale.ROOT, "Elapsed %.1f s; %,d unit codes written, %,.0f codes/s%n", seconds,
                report.codesWritten(), report.codesPerSecond());
    }

    /** Prints a line every tenth of the way. */
    private static final class ProgressPrinter implements LoadListener {
        private final PrintStream out;
        private final long started = System.nanoTime();
        private long nextTenth = 1;

        ProgressPrinter(PrintStream out) {
            this.out = out;
        }

        @Override
        public void codesProgress(long done, long total) {
            if (total > 0 && done * 10 >= nextTenth * total) {
                double seconds = (System.nanoTime() - started) / 1e9;
                out.printf(Locale.ROOT, "  %,d / %,d unit codes (%.1f s)%n", done, total, seconds);
                nextTenth = done * 10 / total + 1;
            }
        }
    }

    /** The command line, with defaults from the environment. */
    record Options(String uri, Path embeddedDir, String user, String password, String database, long codes,
                   long seed, int chunk, String pageCache) {

        WorldSpec spec() {
            return WorldSpec.ofUnitCodes(codes, seed);
        }

        /** Null when help was asked for. */
        static Options parse(String[] args, Map<String, String> env) {
            String uri = "bolt://localhost:7687";
            Path embeddedDir = null;
            String user = env.getOrDefault("NEO4J_USER", "neo4j");
            String password = env.get("NEO4J_PASSWORD");
            String database = null;
            long codes = 1_000_000;
            long seed = WorldSpec.DEMO_SEED;
            int chunk = WorldLoader.DEFAULT_CODE_CHUNK;
            String pageCache = "512m";
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--help") || arg.equals("-h")) {
                    return null;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("Missing value after " + arg);
                }
                String value = args[++i];
                switch (arg) {
                    case "--uri" -> uri = value;
                    case "--embedded" -> embeddedDir = Path.of(value);
                    case "--user" -> user = value;
                    case "--password" -> password = value;
                    case "--database" -> database = value;
                    case "--codes" -> codes = parseLong(arg, value.replace("_", "").replace(",", ""));
                    case "--seed" -> seed = parseLong(arg, value);
                    case "--chunk" -> chunk = Math.toIntExact(parseLong(arg, value));
                    case "--page-cache" -> pageCache = value;
                    default -> throw new IllegalArgumentException("Unknown option " + arg);
                }
            }
            return new Options(uri, embeddedDir, user, password, database, codes, seed, chunk, pageCache);
        }

        private static long parseLong(String option, String value) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " takes a number, not '" + value + "'");
            }
        }
    }
}
