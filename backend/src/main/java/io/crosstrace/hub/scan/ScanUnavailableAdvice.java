package io.crosstrace.hub.scan;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import io.crosstrace.hub.graphdb.GraphDatabaseAvailability;
import io.crosstrace.hub.graphdb.GraphDatabaseUnavailableException;

/**
 * The resolver while the graph cannot be read: a consumer gets a friendly page in both languages, a linkset or
 * redirect client a problem, both 503 with {@code Retry-After}, never an error page with internals.
 */
@ControllerAdvice(assignableTypes = ResolverController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ScanUnavailableAdvice {

    private final GraphDatabaseAvailability availability;
    private final ScanPageRenderer renderer;

    ScanUnavailableAdvice(GraphDatabaseAvailability availability, ScanPageRenderer renderer) {
        this.availability = availability;
        this.renderer = renderer;
    }

    @ExceptionHandler({GraphDatabaseUnavailableException.class, ServiceUnavailableException.class,
            SessionExpiredException.class, TransientException.class})
    ResponseEntity<?> unavailable(Exception failure, HttpServletRequest request) {
        availability.report(failure);
        String retryAfter = Long.toString(Math.max(1, availability.retryAfter().toSeconds()));
        String relative = request.getRequestURI().substring(request.getContextPath().length());
        boolean pageOnly = relative.startsWith("/scan/");
        String path = pageOnly ? relative.substring("/scan".length()) : relative;
        if (pageOnly || wantsPage(request)) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, retryAfter)
                    .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                    .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .cacheControl(CacheControl.noStore())
                    .body(renderer.unavailable(path, Languages.pick(request)));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The traceability record cannot be read right now; retry in " + retryAfter + " seconds");
        problem.setTitle("Temporarily unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, retryAfter)
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).cacheControl(CacheControl.noStore()).body(problem);
    }

    /** The controller's own choice: a page unless a linkset or a single link was asked for. */
    private static boolean wantsPage(HttpServletRequest request) {
        if (request.getParameter("linkType") != null) {
            return false;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream().noneMatch(t -> !t.isWildcardType()
                    && t.includes(ResolverController.LINKSET_JSON) && t.getQualityValue() > 0)
                    && MediaType.parseMediaTypes(accept).stream().anyMatch(t -> !t.isWildcardType()
                            && t.includes(MediaType.TEXT_HTML) && t.getQualityValue() > 0);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
