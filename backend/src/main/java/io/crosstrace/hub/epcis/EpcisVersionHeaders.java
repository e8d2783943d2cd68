package io.crosstrace.hub.epcis;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code GS1-EPCIS-Version} and {@code GS1-CBV-Version} on every response under {@code /epcis}, errors included
 * (so it runs before the security filters, whose 401 and 403 answers carry them too).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class EpcisVersionHeaders extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/epcis") || path.startsWith("/epcis/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("GS1-EPCIS-Version", "2.0.0");
        response.setHeader("GS1-CBV-Version", "2.0.0");
        response.setHeader("GS1-EPCIS-Min", "2.0.0");
        response.setHeader("GS1-EPCIS-Max", "2.0.0");
        response.setHeader("GS1-CBV-Min", "2.0.0");
        response.setHeader("GS1-CBV-Max", "2.0.0");
        chain.doFilter(request, response);
    }
}
