package io.crosstrace.hub.graphdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.neo4j.autoconfigure.Neo4jAutoConfiguration;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

import io.crosstrace.schema.embedded.EmbeddedNeo4j;

/**
 * Starts Neo4j inside the hub unless an external database is configured. It publishes the engine as
 * {@link Neo4jConnectionDetails}, so Boot builds its ordinary {@code Driver} against it: the engine
 * starts before the driver and stops after it, and the rest of the hub cannot tell embedded from external.
 */
@AutoConfiguration(before = Neo4jAutoConfiguration.class)
@EnableConfigurationProperties(CrossTraceProperties.class)
@Conditional(EmbeddedNeo4jAutoConfiguration.NoExternalNeo4j.class)
public class EmbeddedNeo4jAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(Neo4jConnectionDetails.class)
    EmbeddedEngine embeddedNeo4jEngine(CrossTraceProperties properties) {
        return EmbeddedEngine.start(properties);
    }

    @Bean
    @ConditionalOnMissingBean(Neo4jConnectionDetails.class)
    Neo4jConnectionDetails embeddedNeo4jConnectionDetails(EmbeddedEngine engine) {
        return new Neo4jConnectionDetails() {
            @Override
            public URI getUri() {
                return engine.neo4j().boltUri();
            }

            @Override
            public AuthToken getAuthToken() {
                return AuthTokens.none();
            }
        };
    }

    /** The engine and the folder it lives in, which is removed on close when ephemeral. */
    public record EmbeddedEngine(EmbeddedNeo4j neo4j, Path home, boolean ephemeral) implements AutoCloseable {

        static EmbeddedEngine start(CrossTraceProperties properties) {
            CrossTraceProperties.Embedded embedded = properties.embedded();
            try {
                Path home = embedded.ephemeral()
                        ? Files.createTempDirectory("crosstrace-neo4j-")
                        : Files.createDirectories(properties.dataDir().resolve("neo4j"));
                return new EmbeddedEngine(EmbeddedNeo4j.start(home, embedded.boltPort(), embedded.pageCache()), home,
                        embedded.ephemeral());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the data folder " + properties.dataDir(), e);
            }
        }

        @Override
        public void close() {
            neo4j.close();
            if (ephemeral) {
                try (Stream<Path> files = Files.walk(home)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException ignored) {
                    // A temporary folder left behind is harmless.
                }
            }
        }
    }

    /** Matches unless {@code spring.neo4j.uri} is set: then the hub uses that database and starts no engine. */
    static class NoExternalNeo4j extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String uri = context.getEnvironment().getProperty("spring.neo4j.uri");
            return uri == null || uri.isBlank()
                    ? ConditionOutcome.match("no spring.neo4j.uri: embedded Neo4j")
                    : ConditionOutcome.noMatch("spring.neo4j.uri is set: external Neo4j " + uri);
        }
    }
}
