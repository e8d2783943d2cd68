package io.crosstrace.hub.graphdb;

import io.micrometer.context.ThreadLocalAccessor;

/**
 * Carries a request's {@link RequestBookmarks} wherever Spring for GraphQL propagates the request's context: data
 * fetchers and batch loaders run on the request's thread here, but on an executor when virtual threads are enabled
 * or a controller returns a {@code Callable}. Registered through {@code META-INF/services}.
 */
public final class RequestBookmarksAccessor implements ThreadLocalAccessor<Object> {

    static final String KEY = RequestBookmarks.class.getName();

    @Override
    public Object key() {
        return KEY;
    }

    @Override
    public Object getValue() {
        return RequestBookmarks.current().orElse(null);
    }

    @Override
    public void setValue(Object value) {
        RequestBookmarks.bind((RequestBookmarks) value);
    }

    @Override
    public void setValue() {
        RequestBookmarks.bind(null);
    }
}
