package io.crosstrace.seed;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a generated world into Neo4j once.
 *
 * <p>A {@code (:SeedRun {name})} marker, written after everything else, says a world is complete. Every
 * write is a MERGE on a business key (or, for unit codes of a batch that has none yet, a CREATE guarded by
 * the uniqueness constraints), so a load that was interrupted simply runs again and completes the world
 * without duplicating anything. All statements are parameterised UNWINDs over chunks of rows, each chunk
 * in its own managed transaction.
 *
 * <p>The graph-schema migrations must have been applied to the database first: the loader relies on
 * their uniqueness constraints, and refuses to start without them.
 */
public final class WorldLoader {

    private static final Logger log = LoggerFactory.getLogger(WorldLoader.class);

    public static final int DEFAULT_CODE_CHUNK = 10_000;
    private static final int ROW_CHUNK = 1_000;

    /** The business keys the loader MERGEs on; without their constraints MERGE would scan and could race. */
    private static final List<String> REQUIRED_KEYS = List.of("Organization(gln)", "Location(gln)",
            "Premises(gln)", "Product(gtin)", "Batch(gtin,lot)", "Certificate(number)", "Inspection(number)",
            "Shipment(number)", "Consignment(declarationNumber)", "Document(number)", "TraceCode(path)");

    private final Driver driver;
    private final SessionConfig sessionConfig;
    private final int codeChunk;

    /** @param database the database to load into, or null for the server's default database */
    public WorldLoader(Driver driver, String database) {
        this(driver, database, DEFAULT_CODE_CHUNK);
    }

    /** @param codeChunk unit codes per transaction; 10,000 to 50,000 suit large loads */
    public WorldLoader(Driver driver, String database, int codeChunk) {
        if (codeChunk < 1) {
            throw new IllegalArgumentException("codeChunk must be positive: " + codeChunk);
        }
        this.driver = driver;
        this.sessionConfig = database == null || database.isBlank()
                ? SessionConfig.defaultConfig()
                : SessionConfig.forDatabase(database);
        this.codeChunk = codeChunk;
    }

    /** Loads the world of {@code spec} unless its marker is there. */
    public LoadReport loadIfAbsent(WorldSpec spec) {
        return loadIfAbsent(spec, LoadListener.NONE);
    }

    /**
     * Loads the world of {@code spec} unless its marker is there. Also skips when another world's marker is
     * there: two worlds share the cast and lot numbers, and one written over the other would mix them.
     */
    public LoadReport loadIfAbsent(WorldSpec spec, LoadListener listener) {
        long started = System.nanoTime();
        String name = spec.name();
        try (Session session = driver.session(sessionConfig)) {
            Set<String> worlds = seedRuns(session);
            if (worlds.contains(name)) {
                log.info("Seed world '{}' is loaded already; skipping", name);
                return report(session, name, false, "already loaded", 0, started);
            }
            if (!worlds.isEmpty()) {
                log.warn("Not loading seed world '{}': the database holds seed world(s) {}", name, worlds);
                return report(session, name, false, "the database holds another seed world: " + worlds, 0, started);
            }
            requireSchema(session);

            World world = World.generate(spec);
            log.info("Loading seed world '{}': {} batches, {} shipments, {} consignments, {} unit codes", name,
                    world.batches().size(), world.shipments().size(), world.consignments().size(),
                    world.unitCodeCount());
            writeWorld(session, world);
            long codes = new TraceCodeWriter(session, codeChunk).write(world, listener);
            Map<String, Object> marker = Map.of("name", name, "loadedAt", OffsetDateTime.now(ZoneOffset.UTC),
                    "codes", world.unitCodeCount());
            session.executeWrite(tx -> tx.run(WorldCypher.MARK_LOADED, marker).consume());

            LoadReport report = report(session, name, true, "loaded", codes, started);
            log.info("Loaded seed world '{}' in {} ms: {}", name, report.elapsed().toMillis(), report.nodeCounts());
            return report;
        }
    }

    /** Nodes per label of the model, as in {@link LoadReport#nodeCounts()}. */
    public Map<String, Long> countNodes() {
        try (Session session = driver.session(sessionConfig)) {
            return countNodes(session);
        }
    }

    /** The names of the seed worlds loaded completely into the database. */
    public Set<String> loadedWorlds() {
        try (Session session = driver.session(sessionConfig)) {
            return seedRuns(session);
        }
    }

    /** Everything but the unit codes, parents before children so that every MATCH finds its node. */
    private static void writeWorld(Session session, World world) {
        ChunkedWriter writer = new ChunkedWriter(session, ROW_CHUNK);
        writer.write(WorldCypher.ORGANIZATIONS, world.organizations().stream().map(Rows::of).toList());
        writer.write(WorldCypher.LOCATIONS, world.locations().stream().map(Rows::of).toList());
        writer.write(WorldCypher.PREMISES, world.premises().stream().map(Rows::of).toList());
        writer.write(WorldCypher.PRODUCTS, world.products().stream().map(Rows::of).toList());
        writer.write(WorldCypher.BATCHES, world.batches().stream().map(Rows::of).toList());
        writer.write(WorldCypher.CERTIFICATES_OF_PREMISES, certificatesOf(world, Target.OfPremises.class));
        writer.write(WorldCypher.CERTIFICATES_OF_BATCHES, certificatesOf(world, Target.OfBatch.class));
        writer.write(WorldCypher.SHIPMENTS, world.shipments().stream().map(Rows::of).toList());
        writer.write(WorldCypher.CONSIGNMENTS, world.consignments().stream().map(Rows::of).toList());
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Consignment consignment : world.consignments()) {
            consignment.documents().forEach(d -> documents.add(Rows.of(consignment, d)));
        }
        writer.write(WorldCypher.DOCUMENTS, documents);
        writer.write(WorldCypher.INSPECTIONS_OF_PREMISES, inspectionsOf(world, Target.OfPremises.class));
        writer.write(WorldCypher.INSPECTIONS_OF_BATCHES, inspectionsOf(world, Target.OfBatch.class));
        writer.write(WorldCypher.INSPECTIONS_OF_CONSIGNMENTS, inspectionsOf(world, Target.OfConsignment.class));
    }

    private static List<Map<String, Object>> certificatesOf(World world, Class<? extends Target> target) {
        return world.certificates().stream().filter(c -> target.isInstance(c.subject())).map(Rows::of).toList();
    }

    private static List<Map<String, Object>> inspectionsOf(World world, Class<? extends Target> target) {
        return world.inspections().stream().filter(i -> target.isInstance(i.subject())).map(Rows::of).toList();
    }

    private static void requireSchema(Session session) {
        Set<String> present = new TreeSet<>();
        session.executeRead(tx -> {
            tx.run(WorldCypher.CONSTRAINTS).forEachRemaining(r -> {
                List<String> labels = r.get("labelsOrTypes").asList(v -> v.asString());
                List<String> properties = r.get("properties").asList(v -> v.asString());
                labels.forEach(label -> present.add(label + "(" + String.join(",", properties) + ")"));
            });
            return null;
        });
        List<String> missing = REQUIRED_KEYS.stream().filter(k -> !present.contains(k)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The graph-schema migrations have not been applied to this database "
                    + "(no uniqueness constraint on " + String.join(", ", missing) + "). Apply them first with "
                    + "io.crosstrace.schema.migration.MigrationRunner, or start the hub once against the database.");
        }
    }

    private static Set<String> seedRuns(Session session) {
        return session.executeRead(tx -> {
            Set<String> names = new TreeSet<>();
            tx.run(WorldCypher.SEED_RUNS).forEachRemaining(r -> names.add(r.get("name").asString()));
            return names;
        });
    }

    private static Map<String, Long> countNodes(Session session) {
        Record counts = session.executeRead(tx -> tx.run(WorldCypher.COUNT_NODES).single());
        Map<String, Long> byLabel = new LinkedHashMap<>();
        for (String label : counts.keys()) {
            byLabel.put(label, counts.get(label).asLong());
        }
        return byLabel;
    }

    private static LoadReport report(Session session, String name, boolean loaded, String reason, long codes,
                                     long startedNanos) {
        return new LoadReport(name, loaded, reason, countNodes(session), codes,
                Duration.ofNanos(System.nanoTime() - startedNanos));
    }
}
