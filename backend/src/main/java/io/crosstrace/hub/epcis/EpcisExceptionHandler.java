package io.crosstrace.hub.epcis;

import java.net.URI;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.crosstrace.hub.graphdb.GraphDatabaseFailures;

/**
 * Every error of the EPCIS interface as an RFC 7807 problem with the binding's exception type, and for validation
 * errors the JSON Pointer of the failing field ({@code instance} for the first, {@code errors} for all). Unexpected
 * failures are logged and answered without internals.
 */
@RestControllerAdvice(assignableTypes = EpcisController.class)
class EpcisExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(EpcisExceptionHandler.class);

    @ExceptionHandler(EpcisRequestException.class)
    ResponseEntity<ProblemDetail> refused(EpcisRequestException e) {
        return problem(e.status(), e.type(), e.title(), e.problems());
    }

    @ExceptionHandler(AuthenticationCredentialsNotFoundException.class)
    ResponseEntity<ProblemDetail> anonymous(AuthenticationCredentialsNotFoundException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header("WWW-Authenticate", "Bearer")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body(HttpStatus.UNAUTHORIZED, EpcisRequestException.SECURITY, "Unauthorised request",
                        List.of(new EpcisProblem("", EpcisRequestException.SECURITY, e.getMessage()))));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, EpcisRequestException.SECURITY, "Access to resource forbidden",
                List.of(new EpcisProblem("", EpcisRequestException.SECURITY, e.getMessage())));
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ProblemDetail> unexpected(RuntimeException e) {
        if (GraphDatabaseFailures.isUnusableBookmark(e)) {
            return problem(HttpStatus.BAD_REQUEST, "epcisException:ValidationException", "Unusable bookmark header",
                    List.of(new EpcisProblem("", "epcisException:ValidationException", GraphDatabaseFailures.UNUSABLE_BOOKMARK)));
        }
        LOG.error("EPCIS request failed", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "epcisException:ImplementationException", "Implementation exception",
                List.of(new EpcisProblem("", "epcisException:ImplementationException", "The hub could not complete the request")));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, List<EpcisProblem> problems) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body(status, type, title, problems));
    }

    private static ProblemDetail body(HttpStatus status, String type, String title, List<EpcisProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(type));
        problem.setTitle(title);
        if (!problems.isEmpty()) {
            EpcisProblem first = problems.getFirst();
            problem.setDetail(first.detail());
            if (!first.pointer().isEmpty()) {
                // The failing field: a JSON Pointer into the document, or the query parameter's name.
                problem.setProperty("pointer", first.pointer());
                problem.setInstance(URI.create("#" + encodePointer(first.pointer())));
            }
            problem.setProperty("errors", problems);
        }
        return problem;
    }

    /** A JSON Pointer as a URI fragment (RFC 6901 §6). */
    private static String encodePointer(String pointer) {
        StringBuilder out = new StringBuilder();
        for (char c : pointer.toCharArray()) {
            if (Character.isLetterOrDigit(c) || "/-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                for (byte b : String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    out.append('%').append(String.format("%02X", b));
                }
            }
        }
        return out.toString();
    }
}
