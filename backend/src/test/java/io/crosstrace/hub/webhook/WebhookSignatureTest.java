package io.crosstrace.hub.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final String SECRET = "whsec_test-secret";
    private static final String BODY = "{\"id\":\"e1\",\"type\":\"RECALL_ISSUED\",\"data\":{\"name\":\"配方奶粉\"}}";
    private static final Instant SENT = Instant.parse("2026-05-04T10:15:30Z");

    @Test
    void a_signed_body_verifies() {
        String header = WebhookSignature.header(SECRET, SENT, BODY);

        assertThat(header).matches("t=" + SENT.getEpochSecond() + ",v1=[0-9a-f]{64}");
        assertThat(WebhookSignature.verify(SECRET, header, BODY, SENT.plusSeconds(30), Duration.ofMinutes(5))).isTrue();
    }

    @Test
    void matches_vectors_computed_with_another_hmac_implementation() {
        // Python: hmac.new(secret.encode(), f"{t}.{body}".encode("utf-8"), hashlib.sha256).hexdigest()
        assertThat(WebhookSignature.hmacHex(SECRET, 1777889730L, "{\"id\":\"e1\"}"))
                .isEqualTo("47e03b035616db51609d973fed71305438cff047b4e09f826322235a2e0147b9");
        assertThat(WebhookSignature.hmacHex(SECRET, 1777889730L, "{\"name\":\"配方奶粉\"}"))
                .isEqualTo("dc71bc5a57d86678a53b9b9949112bbe240a80d3738950895101722caa792db2");
    }

    @Test
    void a_changed_body_secret_or_timestamp_fails() {
        String header = WebhookSignature.header(SECRET, SENT, BODY);

        assertThat(WebhookSignature.verify(SECRET, header, BODY.replace("e1", "e2"), SENT, Duration.ofMinutes(5))).isFalse();
        assertThat(WebhookSignature.verify("whsec_other", header, BODY, SENT, Duration.ofMinutes(5))).isFalse();
        String shifted = header.replace("t=" + SENT.getEpochSecond(), "t=" + (SENT.getEpochSecond() + 1));
        assertThat(WebhookSignature.verify(SECRET, shifted, BODY, SENT, Duration.ofMinutes(5))).isFalse();
    }

    @Test
    void an_old_request_replayed_later_fails() {
        String header = WebhookSignature.header(SECRET, SENT, BODY);

        assertThat(WebhookSignature.verify(SECRET, header, BODY, SENT.plus(Duration.ofMinutes(6)), Duration.ofMinutes(5)))
                .isFalse();
        assertThat(WebhookSignature.verify(SECRET, header, BODY, SENT.minus(Duration.ofMinutes(6)), Duration.ofMinutes(5)))
                .isFalse();
    }

    @Test
    void accepts_any_of_several_signatures_and_rejects_garbage() {
        String header = WebhookSignature.header(SECRET, SENT, BODY);
        String rotated = header.replace(",v1=", ",v1=" + "0".repeat(64) + ",v1=");

        assertThat(WebhookSignature.verify(SECRET, rotated, BODY, SENT, Duration.ofMinutes(5))).isTrue();
        assertThat(WebhookSignature.verify(SECRET, "garbage", BODY, SENT, Duration.ofMinutes(5))).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "t=x,v1=00", BODY, SENT, Duration.ofMinutes(5))).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "t=" + SENT.getEpochSecond(), BODY, SENT, Duration.ofMinutes(5))).isFalse();
        assertThat(WebhookSignature.verify(SECRET, null, BODY, SENT, Duration.ofMinutes(5))).isFalse();
    }
}
