package io.crosstrace.hub.epcis;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Lets event hash IDs through as path segments of {@code GET /epcis/events/{eventID}}: an ID such as
 * {@code ni:///sha-256;…?ver=CBV2.0} arrives percent-encoded with {@code %2F} and {@code %3B}, which the servlet
 * container and the security firewall reject by default. Encoded slashes pass through undecoded (so they never
 * become path separators), and the firewall tolerates them and semicolons under {@code /epcis/events/} only;
 * everywhere else the default strict rules stay.
 */
@Configuration
class EventIdPaths {

    static final String EVENT_PATH = "/epcis/events/";

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashesPassThrough() {
        return factory -> factory.addConnectorCustomizers(connector ->
                connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
    }

    @Bean
    HttpFirewall eventIdTolerantFirewall() {
        StrictHttpFirewall strict = new StrictHttpFirewall();
        StrictHttpFirewall eventIds = new StrictHttpFirewall();
        eventIds.setAllowUrlEncodedSlash(true);
        eventIds.setAllowUrlEncodedDoubleSlash(true);
        eventIds.setAllowSemicolon(true);
        // With encoded slashes passed through, the decoded path still holds "%2F", hence a literal percent.
        eventIds.setAllowUrlEncodedPercent(true);
        return new HttpFirewall() {
            @Override
            public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                return (path.startsWith(EVENT_PATH) ? eventIds : strict).getFirewalledRequest(request);
            }

            @Override
            public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
                return strict.getFirewalledResponse(response);
            }
        };
    }
}
