package io.crosstrace.hub.graphql;

import graphql.schema.DataFetchingEnvironment;

/** Reads what the client asked for, to skip work it did not ask for. */
public final class Selections {

    private Selections() {
    }

    /** True when the client selected {@code totalCount} on the connection being fetched. */
    public static boolean wantsTotalCount(DataFetchingEnvironment env) {
        return env != null && env.getSelectionSet().contains("totalCount");
    }
}
