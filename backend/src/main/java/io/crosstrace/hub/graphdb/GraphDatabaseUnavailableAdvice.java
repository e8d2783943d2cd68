package io.crosstrace.hub.graphdb;

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
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every REST endpoint while the graph cannot be reached, or a conflict outlasted the retries: a 503 problem with
 * {@code Retry-After}; and when the database refused the bookmarks of the client's {@code CrossTrace-Bookmark} header,
 * a 400 problem. It runs before the features' own catch-all handlers, which would answer 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class GraphDatabaseUnavailableAdvice {

    private final GraphDatabaseAvailability availability;

    GraphDatabaseUnavailableAdvice(GraphDatabaseAvailability availability) {
        this.availability = availability;
    }

    @ExceptionHandler({GraphDatabaseUnavailableException.class, ServiceUnavailableException.class,
            SessionExpiredException.class, TransientException.class})
    ResponseEntity<ProblemDetail> unavailable(Exception failure) {
        availability.report(failure);
        long retryAfter = Math.max(1, availability.retryAfter().toSeconds());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The hub's database cannot be reached right now; retry in " + retryAfter + " seconds");
        problem.setTitle("Temporarily unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).cacheControl(CacheControl.noStore()).body(problem);
    }

    @ExceptionHandler(UnusableBookmarkException.class)
    ResponseEntity<ProblemDetail> unusableBookmark(UnusableBookmarkException refused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, refused.getMessage());
        problem.setTitle("Unusable bookmark header");
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .cacheControl(CacheControl.noStore()).body(problem);
    }
}
