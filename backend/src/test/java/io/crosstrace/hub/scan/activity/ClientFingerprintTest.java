package io.crosstrace.hub.scan.activity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientFingerprintTest {

    @Test
    void the_same_client_and_salt_give_the_same_hash_and_another_salt_another() {
        ClientFingerprint salted = ClientFingerprint.withSalt("pepper");

        assertThat(salted.of("198.51.100.7", "Phone A")).isEqualTo(ClientFingerprint.withSalt("pepper").of("198.51.100.7", "Phone A"))
                .matches("[0-9a-f]{64}");
        assertThat(salted.of("198.51.100.7", "Phone A")).isNotEqualTo(ClientFingerprint.withSalt("salt").of("198.51.100.7", "Phone A"));
    }

    @Test
    void address_and_user_agent_cannot_be_shifted_into_each_other() {
        ClientFingerprint fingerprint = ClientFingerprint.withSalt("pepper");

        assertThat(fingerprint.of("198.51.100.7", "5 x")).isNotEqualTo(fingerprint.of("198.51.100.75", " x"));
        assertThat(fingerprint.of(null, null)).isEqualTo(fingerprint.of("", ""));
    }

    @Test
    void without_a_configured_salt_each_start_draws_its_own() {
        assertThat(ClientFingerprint.withSalt("").of("198.51.100.7", "Phone A"))
                .isNotEqualTo(ClientFingerprint.withSalt("").of("198.51.100.7", "Phone A"));
    }
}
