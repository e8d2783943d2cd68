package io.crosstrace.hub.epcis;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;

/** Hash IDs pass the firewall under /epcis/events/ only. */
class EventIdPathsTest {

    private final HttpFirewall firewall = new EventIdPaths().eventIdTolerantFirewall();

    @Test
    void an_encoded_hash_id_passes_under_the_event_path_only() {
        String encoded = "ni%3A%2F%2F%2Fsha-256%3Babc%3Fver%3DCBV2.0";
        assertThatCode(() -> firewall.getFirewalledRequest(request("/epcis/events/" + encoded,
                "/epcis/events/ni:%2F%2F%2Fsha-256;abc?ver=CBV2.0"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> firewall.getFirewalledRequest(request("/graphql/" + encoded,
                "/graphql/ni:%2F%2F%2Fsha-256;abc?ver=CBV2.0"))).isInstanceOf(RequestRejectedException.class);
    }

    private static MockHttpServletRequest request(String uri, String servletPath) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
        request.setServletPath(servletPath);
        return request;
    }
}
