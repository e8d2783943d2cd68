package io.crosstrace.hub.graphdb;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.neo4j.driver.Bookmark;

/**
 * The bookmarks of one HTTP request: those its client carried from an earlier request (every transaction of this one
 * begins after them), and those that cover the writes it committed (the client gets them back). {@link BookmarkFilter}
 * binds it to the request's thread; {@link RequestBookmarksAccessor} carries it to GraphQL data fetchers that run
 * elsewhere.
 */
final class RequestBookmarks {

    private static final ThreadLocal<RequestBookmarks> CURRENT = new ThreadLocal<>();

    private final Set<Bookmark> carried;
    private final Set<Bookmark> written = new LinkedHashSet<>();

    RequestBookmarks(Set<Bookmark> carried) {
        this.carried = Set.copyOf(carried);
    }

    static Optional<RequestBookmarks> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The carried bookmarks of the request on this thread; none outside a request. */
    static Set<Bookmark> carriedNow() {
        RequestBookmarks request = CURRENT.get();
        return request == null ? Set.of() : request.carried;
    }

    static void bind(RequestBookmarks request) {
        if (request == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(request);
        }
    }

    Set<Bookmark> carried() {
        return carried;
    }

    /**
     * A write of the request committed: its bookmarks become {@code bookmarksNow}, read under the request's lock so
     * that, of two writes committed by concurrent data fetchers, the later reading (which covers both) is kept. The
     * carried ones are left out: the write began after them, so what covers it is newer.
     */
    void written(Supplier<Collection<Bookmark>> bookmarksNow) {
        synchronized (written) {
            Set<Bookmark> now = new LinkedHashSet<>(bookmarksNow.get());
            now.removeAll(carried);
            if (!now.isEmpty()) {
                written.clear();
                written.addAll(now);
            }
        }
    }

    /** What covers the request's writes; none when it wrote nothing. */
    Set<Bookmark> written() {
        synchronized (written) {
            return Set.copyOf(written);
        }
    }
}
