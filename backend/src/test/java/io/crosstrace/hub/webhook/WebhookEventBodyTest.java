package io.crosstrace.hub.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

class WebhookEventBodyTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-05-04T18:15:30+08:00");

    @Test
    void the_body_has_the_documented_fields_in_order() {
        String body = WebhookEvents.body("e1", WebhookEventType.CONSIGNMENT_STATUS_CHANGED, AT, "DECL-1",
                Map.of("status", "RELEASED", "releasedOn", LocalDate.of(2026, 5, 4)));

        assertThat(body).startsWith("{\"id\":\"e1\",\"type\":\"CONSIGNMENT_STATUS_CHANGED\","
                + "\"occurredAt\":\"2026-05-04T10:15:30Z\",\"subject\":\"DECL-1\",\"data\":{");
        assertThat(body).contains("\"status\":\"RELEASED\"").contains("\"releasedOn\":\"2026-05-04\"");
    }

    @Test
    void refuses_a_body_too_large_for_a_webhook() {
        assertThatThrownBy(() -> WebhookEvents.body("e1", WebhookEventType.RECALL_ISSUED, AT, "R-1",
                Map.of("blob", "x".repeat(WebhookEvents.MAX_PAYLOAD_BYTES)))).isInstanceOf(IllegalArgumentException.class);
    }
}
