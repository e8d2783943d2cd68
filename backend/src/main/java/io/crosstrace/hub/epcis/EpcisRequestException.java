package io.crosstrace.hub.epcis;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A request the EPCIS interface refuses, answered as an RFC 7807 problem: the HTTP status, the EPCIS exception type
 * of the REST binding, and the problems found, each with a JSON Pointer to its field (or a query parameter's name).
 */
class EpcisRequestException extends RuntimeException {

    static final String QUERY_PARAMETER = "epcisException:QueryParameterException";
    static final String NO_SUCH_RESOURCE = "epcisException:NoSuchResourceException";
    static final String CAPTURE_LIMIT = "epcisException:CaptureLimitExceededException";
    static final String UNSUPPORTED_MEDIA_TYPE = "epcisException:UnsupportedMediaTypeException";
    static final String SECURITY = "epcisException:SecurityException";
    static final String ALREADY_EXISTS = "epcisException:ResourceAlreadyExistsException";

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final List<EpcisProblem> problems;

    EpcisRequestException(HttpStatus status, String type, String title, List<EpcisProblem> problems) {
        super(problems.isEmpty() ? title : problems.getFirst().detail());
        this.status = status;
        this.type = type;
        this.title = title;
        this.problems = List.copyOf(problems);
    }

    static EpcisRequestException validation(String pointer, String detail) {
        return invalid(List.of(EpcisProblem.validation(pointer, detail)));
    }

    static EpcisRequestException invalid(List<EpcisProblem> problems) {
        return new EpcisRequestException(HttpStatus.BAD_REQUEST, EpcisProblem.VALIDATION_EXCEPTION,
                "The EPCIS document is not valid", problems);
    }

    static EpcisRequestException queryParameter(String parameter, String detail) {
        return new EpcisRequestException(HttpStatus.BAD_REQUEST, QUERY_PARAMETER, "Invalid query parameter",
                List.of(new EpcisProblem(parameter, QUERY_PARAMETER, detail)));
    }

    static EpcisRequestException notFound(String detail) {
        return new EpcisRequestException(HttpStatus.NOT_FOUND, NO_SUCH_RESOURCE, "Resource not found",
                List.of(new EpcisProblem("", NO_SUCH_RESOURCE, detail)));
    }

    static EpcisRequestException tooLarge(String detail) {
        return new EpcisRequestException(HttpStatus.PAYLOAD_TOO_LARGE, CAPTURE_LIMIT, "Capture payload too large",
                List.of(new EpcisProblem("", CAPTURE_LIMIT, detail)));
    }

    static EpcisRequestException unsupportedMediaType(String detail) {
        return new EpcisRequestException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, UNSUPPORTED_MEDIA_TYPE,
                "Unsupported media type", List.of(new EpcisProblem("", UNSUPPORTED_MEDIA_TYPE, detail)));
    }

    static EpcisRequestException forbidden(List<EpcisProblem> problems) {
        return new EpcisRequestException(HttpStatus.FORBIDDEN, SECURITY, "Access to resource forbidden", problems);
    }

    static EpcisRequestException alreadyExists(String pointer, String detail) {
        return new EpcisRequestException(HttpStatus.CONFLICT, ALREADY_EXISTS,
                "A resource with the provided identifier already exists", List.of(new EpcisProblem(pointer, ALREADY_EXISTS, detail)));
    }

    HttpStatus status() {
        return status;
    }

    String type() {
        return type;
    }

    String title() {
        return title;
    }

    List<EpcisProblem> problems() {
        return problems;
    }
}
