package io.crosstrace.hub.graphdb;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.springframework.mock.env.MockEnvironment;

class GraphSchemaMigratorTest {

    @Test
    void a_start_that_fails_closes_the_driver_so_the_process_can_exit() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Driver driver = GraphDatabase.driver("bolt://127.0.0.1:" + closedPort, AuthTokens.none());
        GraphSchemaMigrator migrator = new GraphSchemaMigrator();
        migrator.setEnvironment(new MockEnvironment().withProperty("crosstrace.database.startup-wait", "300ms"));

        assertThatThrownBy(() -> migrator.postProcessAfterInitialization(driver, "neo4jDriver"))
                .hasStackTraceContaining("Unable to connect");

        assertThatThrownBy(driver::session).as("closed: its event loop no longer holds the process")
                .hasMessageContaining("closed");
    }
}
