package io.crosstrace.hub.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A forward page: {@code first} elements after the element at cursor {@code after}. Cursors are opaque
 * offsets into a stable order; every list orders by a unique business key so pages do not overlap.
 *
 * @param first  page size, 0 to {@link #MAX_PAGE_SIZE}
 * @param offset how many elements come before the page
 */
public record PageRequest(int first, long offset) {

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 500;
    private static final String CURSOR_PREFIX = "offset:";

    public static PageRequest of(Integer first, String after) {
        int size = first == null ? DEFAULT_PAGE_SIZE : first;
        if (size < 0) {
            throw new BadInputException("'first' must not be negative (was " + size + ")");
        }
        if (size > MAX_PAGE_SIZE) {
            throw new BadInputException("'first' is at most " + MAX_PAGE_SIZE + " (was " + size + ")");
        }
        long offset = after == null ? 0 : offsetOf(after) + 1;
        return new PageRequest(size, offset);
    }

    /** Rows to fetch: one more than the page, to learn whether a next page exists. */
    public int limitPlusOne() {
        return first + 1;
    }

    static String cursorAt(long offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((CURSOR_PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static long offsetOf(String cursor) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith(CURSOR_PREFIX)) {
                long offset = Long.parseLong(decoded.substring(CURSOR_PREFIX.length()));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw new BadInputException("Malformed cursor: '" + cursor + "'");
    }
}
