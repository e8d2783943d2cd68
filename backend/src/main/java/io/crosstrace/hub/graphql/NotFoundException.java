package io.crosstrace.hub.graphql;

/** A well-formed reference to something the hub does not have: classified NOT_FOUND. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
