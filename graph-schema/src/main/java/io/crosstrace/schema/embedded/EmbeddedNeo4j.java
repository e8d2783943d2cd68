package io.crosstrace.schema.embedded;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.Config;
import org.neo4j.graphdb.config.Setting;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Neo4j engine started in this process, reachable over Bolt on loopback only, so the hub talks to it
 * through the same driver it would use for an external server or cluster.
 *
 * <p>Authentication is off because the connector listens on loopback only; anything that needs a
 * database reachable from other hosts uses an external Neo4j ({@code spring.neo4j.uri}).
 */
public final class EmbeddedNeo4j implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4j.class);

    private final DatabaseManagementService managementService;
    private final GraphDatabaseService database;
    private final URI boltUri;

    private EmbeddedNeo4j(DatabaseManagementService managementService) {
        this.managementService = managementService;
        this.database = managementService.database("neo4j");
        HostnamePort bolt = ((GraphDatabaseAPI) database).getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT);
        this.boltUri = URI.create("bolt://" + bolt.getHost() + ":" + bolt.getPort());
    }

    /**
     * Starts an engine whose store lives under {@code home}.
     *
     * @param home      the engine's home: {@code data/} and {@code logs/} are created below it
     * @param boltPort  0 for any free port
     * @param pageCache page cache size in Neo4j's notation, e.g. {@code 256m}
     */
    public static EmbeddedNeo4j start(Path home, int boltPort, String pageCache) {
        long started = System.nanoTime();
        ensureVirtualThreadCarriers();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("server.bolt.enabled", "true");
        config.put("server.bolt.listen_address", "127.0.0.1:" + boltPort);
        config.put("server.bolt.advertised_address", "127.0.0.1:" + boltPort);
        config.put("server.bolt.tls_level", "DISABLED");
        config.put("server.http.enabled", "false");
        config.put("server.https.enabled", "false");
        config.put("dbms.security.auth_enabled", "false");
        config.put("dbms.usage_report.enabled", "false");
        config.put("server.memory.pagecache.size", pageCache);
        // Otherwise an empty store preallocates 512 MiB of transaction logs.
        config.put("db.tx_log.preallocate", "false");
        config.put("db.tx_log.rotation.size", "32m");
        config.put("db.tx_log.rotation.retention_policy", "2 files");
        // The default Netty quiet period makes every shutdown wait about ten seconds.
        config.put("internal.dbms.bolt.netty_server_shutdown_quiet_period_duration", "0s");
        config.put("internal.dbms.bolt.netty_server_shutdown_timeout", "2s");
        DatabaseManagementService service = new DatabaseManagementServiceBuilder(home)
                .setConfig(typed(config))
                .build();
        EmbeddedNeo4j neo4j = new EmbeddedNeo4j(service);
        log.info("Embedded Neo4j started in {} ms at {} (store under {})",
                (System.nanoTime() - started) / 1_000_000, neo4j.boltUri, home.toAbsolutePath());
        return neo4j;
    }

    /**
     * Property naming how many carrier threads the JVM's virtual threads share; read once, when the first virtual
     * thread starts.
     */
    static final String CARRIERS = "jdk.virtualThreadScheduler.parallelism";

    /**
     * Gives virtual threads more carriers than the machine has cores, unless the JVM was told otherwise.
     *
     * <p>Why: the engine runs background jobs such as index sampling on virtual threads, by default on one carrier per
     * core. During a soak on two cores, two sampling jobs read a ten-million-entry index for minutes, each holding a
     * carrier, while a third sampling thread that had taken the page cache's allocator lock waited for a carrier; every
     * commit that needed a page waited for that lock, and the hub stopped answering for minutes without an error. With
     * more carriers the operating system shares the cores among them and the lock holder runs.
     */
    static void ensureVirtualThreadCarriers() {
        if (System.getProperty(CARRIERS) == null) {
            System.setProperty(CARRIERS, Integer.toString(Math.max(16, 4 * Runtime.getRuntime().availableProcessors())));
        }
    }

    /** Turns settings by name into typed ones; an unknown name or bad value fails here, loudly. */
    private static Map<Setting<?>, Object> typed(Map<String, String> raw) {
        Config parsed = Config.newBuilder().setRaw(raw).build();
        Map<Setting<?>, Object> typed = new LinkedHashMap<>();
        for (String name : raw.keySet()) {
            Setting<Object> setting = parsed.getSetting(name);
            typed.put(setting, parsed.get(setting));
        }
        return typed;
    }

    public URI boltUri() {
        return boltUri;
    }

    /** The engine's own API; for tests and tools only, the hub itself goes through the driver. */
    public GraphDatabaseService database() {
        return database;
    }

    @Override
    public void close() {
        managementService.shutdown();
    }
}
