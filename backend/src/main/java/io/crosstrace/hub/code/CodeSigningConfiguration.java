package io.crosstrace.hub.code;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.crosstrace.hub.graphdb.CrossTraceProperties;

/** Where the signing keys come from: {@code crosstrace.code-signing.key-dir}, else the data folder. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CodeSigningProperties.class)
class CodeSigningConfiguration {

    static final String KEYS_FOLDER = "keys";

    @Bean(destroyMethod = "close")
    SigningKeys codeSigningKeys(CodeSigningProperties signing, CrossTraceProperties hub) {
        if (signing.keyDir() != null) {
            return SigningKeys.open(signing.keyDir(), signing.currentKeyId());
        }
        // A throw-away store gets throw-away keys: tests must never leave keys in the data folder.
        if (hub.embedded() != null && hub.embedded().ephemeral()) {
            return SigningKeys.temporary(signing.currentKeyId());
        }
        return SigningKeys.open(hub.dataDir().resolve(KEYS_FOLDER), signing.currentKeyId());
    }
}
