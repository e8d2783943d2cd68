package io.crosstrace.hub.graphdb;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health {@code graphDatabase}, part of readiness: DOWN while the hub knows the database unreachable. It reads the
 * probe's verdict rather than querying, so a readiness check never waits on a dead connection.
 */
@Component
class GraphDatabaseHealthIndicator implements HealthIndicator {

    private final GraphDatabaseAvailability availability;

    GraphDatabaseHealthIndicator(GraphDatabaseAvailability availability) {
        this.availability = availability;
    }

    @Override
    public Health health() {
        return availability.isAvailable() ? Health.up().build() : Health.down().build();
    }
}
