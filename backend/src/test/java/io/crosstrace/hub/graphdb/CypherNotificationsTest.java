package io.crosstrace.hub.graphdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.NotificationSeverity;
import org.neo4j.driver.summary.ResultSummary;
import org.springframework.beans.factory.annotation.Autowired;

import io.crosstrace.hub.HubIntegrationTest;

@HubIntegrationTest
class CypherNotificationsTest {

    /** Names a relationship type the store never held: the server warns about it on every run, unless told not to. */
    private static final String UNKNOWN_TYPE = "MATCH (o:Organization)-[:NEVER_WRITTEN_BY_THE_HUB]->() RETURN count(o)";

    @Autowired
    Driver hubDriver;

    @Autowired
    EmbeddedNeo4jAutoConfiguration.EmbeddedEngine engine;

    @Test
    void theHubsDriverAsksForNoNotifications() {
        ResultSummary summary = hubDriver.executableQuery(UNKNOWN_TYPE).execute().summary();

        assertThat(summary.notifications()).isEmpty();
    }

    @Test
    void aDriverWithTheServersDefaultGetsTheWarningTheHubTurnsOff() {
        try (Driver plain = GraphDatabase.driver(engine.neo4j().boltUri(), AuthTokens.none())) {
            ResultSummary summary = plain.executableQuery(UNKNOWN_TYPE).execute().summary();

            assertThat(summary.notifications()).extracting(n -> n.code())
                    .contains("Neo.ClientNotification.Statement.UnknownRelationshipTypeWarning");
        }
    }

    @Test
    void theLevelIsOneOfTheDriversSeverities() {
        assertThat(CypherNotificationsConfiguration.severity("off")).isEqualTo(NotificationSeverity.OFF);
        assertThat(CypherNotificationsConfiguration.severity(" WARNING ")).isEqualTo(NotificationSeverity.WARNING);
        assertThat(CypherNotificationsConfiguration.severity("Information")).isEqualTo(NotificationSeverity.INFORMATION);
        assertThatThrownBy(() -> CypherNotificationsConfiguration.severity("LOUD"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("crosstrace.database.cypher-notifications");
    }
}
