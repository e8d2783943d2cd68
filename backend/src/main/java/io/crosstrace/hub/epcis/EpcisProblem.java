package io.crosstrace.hub.epcis;

/**
 * One reason a document or event is rejected: a JSON Pointer (RFC 6901) to the failing field, the EPCIS exception
 * type of the REST binding (e.g. {@code epcisException:ValidationException}, usable as the {@code type} of an
 * RFC 7807 problem) and a human-readable detail.
 */
public record EpcisProblem(String pointer, String type, String detail) {

    public static final String VALIDATION_EXCEPTION = "epcisException:ValidationException";

    static EpcisProblem validation(String pointer, String detail) {
        return new EpcisProblem(pointer, VALIDATION_EXCEPTION, detail);
    }
}
