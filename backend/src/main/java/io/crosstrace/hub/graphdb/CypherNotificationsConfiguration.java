package io.crosstrace.hub.graphdb;

import java.util.Locale;

import org.neo4j.driver.NotificationSeverity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.neo4j.autoconfigure.ConfigBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which Cypher notifications the database sends with each result, {@code crosstrace.database.cypher-notifications}:
 * {@code OFF} (the default), {@code WARNING} or {@code INFORMATION}.
 *
 * <p>Why off: the server builds the notifications of a statement on every run, and Spring Data Neo4j formats each one
 * it receives before deciding whether to log it. A statement naming a relationship type the store does not hold yet
 * (no recall exists in a young store, so {@code RECALLS} is unknown) carried two warnings on every scan page: a
 * profile put formatting them at about a seventh of the page's request thread. The statements are fixed and tested,
 * so notifications help while writing Cypher, not in service; set {@code WARNING} to see them in the log.
 */
@Configuration(proxyBeanMethods = false)
class CypherNotificationsConfiguration {

    @Bean
    ConfigBuilderCustomizer cypherNotifications(@Value("${crosstrace.database.cypher-notifications:OFF}") String level) {
        NotificationSeverity severity = severity(level);
        return builder -> builder.withMinimumNotificationSeverity(severity);
    }

    static NotificationSeverity severity(String level) {
        return switch (level.trim().toUpperCase(Locale.ROOT)) {
            case "OFF" -> NotificationSeverity.OFF;
            case "WARNING" -> NotificationSeverity.WARNING;
            case "INFORMATION" -> NotificationSeverity.INFORMATION;
            default -> throw new IllegalArgumentException(
                    "crosstrace.database.cypher-notifications must be OFF, WARNING or INFORMATION, not '" + level + "'");
        };
    }
}
