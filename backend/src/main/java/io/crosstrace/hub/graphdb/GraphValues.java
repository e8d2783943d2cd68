package io.crosstrace.hub.graphdb;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.neo4j.driver.Value;

/** Null-tolerant reads of properties from a node or map value. */
public final class GraphValues {

    private GraphValues() {
    }

    public static String str(Value v, String key) {
        Value x = v.get(key);
        return x.isNull() ? null : x.asString();
    }

    public static LocalDate date(Value v, String key) {
        Value x = v.get(key);
        return x.isNull() ? null : x.asLocalDate();
    }

    public static OffsetDateTime dateTime(Value v, String key) {
        Value x = v.get(key);
        return x.isNull() ? null : x.asOffsetDateTime();
    }

    public static Long lng(Value v, String key) {
        Value x = v.get(key);
        return x.isNull() ? null : x.asLong();
    }

    public static Integer integer(Value v, String key) {
        Value x = v.get(key);
        return x.isNull() ? null : x.asInt();
    }

    public static Double dbl(Value v, String key) {
        Value x = v.get(key);
        return x.isNull() ? null : x.asDouble();
    }

    public static List<String> strings(Value v, String key) {
        Value x = v.get(key);
        return x.isNull() ? List.of() : x.asList(Value::asString);
    }
}
