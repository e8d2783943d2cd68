package io.crosstrace.hub.graphdb;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.neo4j.driver.Bookmark;
import org.springframework.http.MediaType;
import org.springframework.security.web.util.OnCommittedResponseWrapper;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Binds a request's {@link RequestBookmarks}: the bookmarks its client sent back in {@code CrossTrace-Bookmark}
 * headers (one per instance it wrote through), and, once the request wrote, the response's own header. A header that
 * does not verify is answered 400 before anything else runs: handed to the driver, a bad bookmark would fail every
 * transaction of the request.
 */
final class BookmarkFilter extends OncePerRequestFilter {

    private static final String ATTRIBUTE = RequestBookmarks.class.getName();

    private final BookmarkHeader header;

    BookmarkFilter(BookmarkHeader header) {
        this.header = header;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isAsyncDispatch(request)) {
            // The request's work is done (its data fetchers ran on other threads); now only its result is written.
            if (request.getAttribute(ATTRIBUTE) instanceof RequestBookmarks bookmarks) {
                addBookmarkHeader(response, bookmarks);
            }
            chain.doFilter(request, response);
            return;
        }
        Set<Bookmark> carried = new LinkedHashSet<>();
        try {
            for (String value : Collections.list(request.getHeaders(BookmarkHeader.NAME))) {
                if (!value.isBlank()) {
                    carried.addAll(header.read(value.strip()));
                }
            }
        } catch (InvalidBookmarkHeaderException e) {
            reject(response, e.getMessage());
            return;
        }
        RequestBookmarks bookmarks = new RequestBookmarks(carried);
        request.setAttribute(ATTRIBUTE, bookmarks);
        RequestBookmarks.bind(bookmarks);
        try {
            chain.doFilter(request, new BookmarkResponse(response, bookmarks));
        } finally {
            RequestBookmarks.bind(null);
            // A response the container commits only as the request ends; one written asynchronously gets its header
            // when the result is dispatched.
            if (!request.isAsyncStarted()) {
                addBookmarkHeader(response, bookmarks);
            }
        }
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    private void addBookmarkHeader(HttpServletResponse response, RequestBookmarks bookmarks) {
        Set<Bookmark> written = bookmarks.written();
        if (!written.isEmpty() && !response.isCommitted()) {
            response.setHeader(BookmarkHeader.NAME, header.write(written));
        }
    }

    private static void reject(HttpServletResponse response, String reason) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"https://crosstrace.io/problems/invalid-bookmark\",\"title\":"
                + "\"Invalid bookmark header\",\"status\":400,\"detail\":\"" + reason.replace("\\", "\\\\").replace("\"", "'")
                + "\"}");
    }

    /**
     * Adds the header just before the response is committed within the request's own dispatch (a body flushed by
     * its writer): the request's writes have committed by then. A write after the response began could not be carried.
     */
    private final class BookmarkResponse extends OnCommittedResponseWrapper {

        private final RequestBookmarks bookmarks;

        BookmarkResponse(HttpServletResponse response, RequestBookmarks bookmarks) {
            super(response);
            this.bookmarks = bookmarks;
        }

        @Override
        protected void onResponseCommitted() {
            addBookmarkHeader((HttpServletResponse) getResponse(), bookmarks);
        }
    }
}
