package io.crosstrace.hub.graphdb;

/** A {@code CrossTrace-Bookmark} header this hub did not write, or one changed since: the request is answered 400. */
final class InvalidBookmarkHeaderException extends RuntimeException {

    InvalidBookmarkHeaderException(String message) {
        super(message);
    }
}
