package io.crosstrace.hub.graphdb;

/**
 * The database refused to begin a transaction after the bookmarks a client carried in its {@code CrossTrace-Bookmark}
 * header (see {@link GraphDatabaseFailures#isUnusableBookmark}): the client's request to change, answered 400.
 */
public class UnusableBookmarkException extends RuntimeException {

    UnusableBookmarkException(Throwable refusal) {
        super(GraphDatabaseFailures.UNUSABLE_BOOKMARK, refusal);
    }
}
