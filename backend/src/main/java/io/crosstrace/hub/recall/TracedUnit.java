package io.crosstrace.hub.recall;

import io.crosstrace.hub.code.TraceCode;
import io.crosstrace.hub.graphql.GlobalId;

/**
 * One unit in a trace, light: its code and how often consumers scanned it. Its {@link #id()} is the unit's
 * TraceCode ID, so {@code node(id)} gives the whole chain when a client needs it.
 */
public record TracedUnit(String path, String serial, long scanCount) {

    public String id() {
        return GlobalId.of(TraceCode.TYPE, path);
    }

    public String uri() {
        return path;
    }
}
