package io.crosstrace.hub.code;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The base URL that codes rendered by this hub point at: {@code crosstrace.resolver.base-url} when set
 * (needed behind a proxy that does not forward its host, or for a public resolver domain), otherwise the
 * scheme, host and port of the request being answered.
 */
@Component
public class ResolverBaseUrl {

    private final String configured;

    ResolverBaseUrl(@Value("${crosstrace.resolver.base-url:}") String configured) {
        this.configured = configured.strip();
    }

    /** The base for codes rendered while answering this request (label sheets, also from the workspace). */
    public String of(HttpServletRequest request) {
        return configuredOr(UriComponentsBuilder.newInstance().scheme(request.getScheme()).host(request.getServerName())
                .port(defaultPort(request.getScheme(), request.getServerPort())).toUriString());
    }

    String of(URI requestUri) {
        return configuredOr(UriComponentsBuilder.newInstance().scheme(requestUri.getScheme()).host(requestUri.getHost())
                .port(requestUri.getPort()).toUriString());
    }

    /** The configured base, or this fallback when none is configured. */
    String configuredOr(String fallback) {
        return configured.isEmpty() ? fallback : configured;
    }

    private static int defaultPort(String scheme, int port) {
        boolean standard = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return standard ? -1 : port;
    }
}
