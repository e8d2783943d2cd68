package io.crosstrace.hub.graphdb;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the hub keeps its data and whether it loads the demo world.
 *
 * @param dataDir  the folder for the embedded Neo4j store and other local state; env {@code CROSSTRACE_DATA_DIR}
 * @param seed     load the demo world into an empty database on start
 * @param embedded the embedded engine, used unless {@code spring.neo4j.uri} names an external database
 */
@ConfigurationProperties("crosstrace")
public record CrossTraceProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("true") boolean seed,
        @DefaultValue Embedded embedded) {

    /**
     * @param boltPort   the loopback port of the embedded engine's Bolt connector; 0 picks a free one
     * @param pageCache  the engine's page cache, in Neo4j notation ({@code 256m}, {@code 2g})
     * @param ephemeral  keep the store in a temporary folder deleted on shutdown (tests)
     */
    public record Embedded(
            @DefaultValue("0") int boltPort,
            @DefaultValue("256m") String pageCache,
            @DefaultValue("false") boolean ephemeral) {
    }
}
