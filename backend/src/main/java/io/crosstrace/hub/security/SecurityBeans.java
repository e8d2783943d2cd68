package io.crosstrace.hub.security;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import io.crosstrace.hub.graphdb.CrossTraceProperties;

/** Keys, password hashing and the clock of partner security. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityBeans {

    static final String TOKEN_KEYS_FOLDER = "keys/tokens";

    @Bean
    TokenSigningKeys tokenSigningKeys(SecurityProperties security, CrossTraceProperties hub) {
        if (security.tokenKeyPem() != null && !security.tokenKeyPem().isBlank()) {
            return TokenSigningKeys.fromPem(security.tokenKeyPem(), security.currentKeyId());
        }
        if (security.tokenKeyDir() != null) {
            return TokenSigningKeys.fromFolder(security.tokenKeyDir(), security.currentKeyId());
        }
        // A throw-away store gets throw-away keys: tests never write keys into the data folder.
        if (hub.embedded() != null && hub.embedded().ephemeral()) {
            return TokenSigningKeys.inMemory(security.currentKeyId());
        }
        return TokenSigningKeys.fromFolder(hub.dataDir().resolve(TOKEN_KEYS_FOLDER), security.currentKeyId());
    }

    /** BCrypt by default, with the {@code {id}} prefix so the algorithm can change without a password reset. */
    @Bean
    @ConditionalOnMissingBean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * No observation around each security filter, authentication and authorization. Each request passed about thirty
     * of them (two per filter), and a profile of the GraphQL page and the scan page found them among the largest costs
     * outside the work itself; nothing read the timers they made. Requests stay observed ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
