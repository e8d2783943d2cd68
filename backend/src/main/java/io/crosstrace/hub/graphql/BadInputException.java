package io.crosstrace.hub.graphql;

/** Input the caller can fix: reported as a GraphQL error classified BAD_REQUEST. */
public class BadInputException extends RuntimeException {

    public BadInputException(String message) {
        super(message);
    }
}
