package io.crosstrace.hub.ledger;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One JSON text per value, so a digest of a change is the same wherever and whenever it is computed: object
 * keys sorted by UTF-16 code units, no white space, numbers in plain decimal without trailing zeros
 * ({@code 1}, {@code 1L}, {@code 1.0} and {@code 1.00} all write {@code 1}), date-times as UTC instants.
 *
 * <p>A value whose text could differ between runs (an arbitrary object's {@code toString}) is rejected
 * rather than guessed at: a digest that cannot be recomputed proves nothing.
 */
final class CanonicalJson {

    private CanonicalJson() {
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        switch (value) {
            case null -> out.append("null");
            case Boolean b -> out.append(b);
            case CharSequence s -> string(s.toString(), out);
            case Character c -> string(c.toString(), out);
            case Enum<?> e -> string(e.name(), out);
            case Number n -> out.append(number(n));
            case Instant i -> string(DateTimeFormatter.ISO_INSTANT.format(i), out);
            case OffsetDateTime t -> string(DateTimeFormatter.ISO_INSTANT.format(t.toInstant()), out);
            case ZonedDateTime t -> string(DateTimeFormatter.ISO_INSTANT.format(t.toInstant()), out);
            case LocalDate d -> string(DateTimeFormatter.ISO_LOCAL_DATE.format(d), out);
            case LocalDateTime t -> string(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t), out);
            case LocalTime t -> string(DateTimeFormatter.ISO_LOCAL_TIME.format(t), out);
            case UUID u -> string(u.toString(), out);
            case URI u -> string(u.toString(), out);
            case byte[] bytes -> string(Base64.getEncoder().encodeToString(bytes), out);
            case Map<?, ?> map -> object(map, out);
            case Collection<?> items -> array(items.toArray(), out);
            case Object[] items -> array(items, out);
            case Record record -> object(componentsOf(record), out);
            default -> throw new IllegalArgumentException("A ledger change cannot hold a " + value.getClass().getName()
                    + ": use strings, numbers, booleans, date-times, lists, maps or records");
        }
    }

    private static void object(Map<?, ?> map, StringBuilder out) {
        TreeMap<String, Object> sorted = new TreeMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = switch (entry.getKey()) {
                case String s -> s;
                case Enum<?> e -> e.name();
                case null -> throw new IllegalArgumentException("A ledger change cannot have a null key");
                default -> throw new IllegalArgumentException("A ledger change's keys are strings, not "
                        + entry.getKey().getClass().getName());
            };
            if (sorted.containsKey(key)) {
                throw new IllegalArgumentException("A ledger change has the key '" + key + "' twice");
            }
            sorted.put(key, entry.getValue());
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> entry : sorted.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(entry.getKey(), out);
            out.append(':');
            write(entry.getValue(), out);
        }
        out.append('}');
    }

    private static void array(Object[] items, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < items.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            write(items[i], out);
        }
        out.append(']');
    }

    private static Map<String, Object> componentsOf(Record record) {
        Map<String, Object> components = new TreeMap<>();
        for (var component : record.getClass().getRecordComponents()) {
            try {
                component.getAccessor().setAccessible(true);
                components.put(component.getName(), component.getAccessor().invoke(record));
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("Cannot read " + record.getClass().getName() + "." + component.getName(), e);
            }
        }
        return components;
    }

    /** Plain decimal: no exponent, no trailing zeros, no negative zero. */
    static String number(Number n) {
        BigDecimal decimal = switch (n) {
            case Byte b -> BigDecimal.valueOf(b);
            case Short s -> BigDecimal.valueOf(s);
            case Integer i -> BigDecimal.valueOf(i);
            case Long l -> BigDecimal.valueOf(l);
            case BigInteger i -> new BigDecimal(i);
            case BigDecimal d -> d;
            case Float f -> finite(f.doubleValue()) ? new BigDecimal(Float.toString(f)) : null;
            case Double d -> finite(d) ? BigDecimal.valueOf(d) : null;
            default -> throw new IllegalArgumentException("A ledger change cannot hold a " + n.getClass().getName());
        };
        if (decimal == null) {
            throw new IllegalArgumentException("A ledger change cannot hold NaN or an infinity");
        }
        if (decimal.signum() == 0) {
            return "0";
        }
        return decimal.stripTrailingZeros().toPlainString();
    }

    private static boolean finite(double d) {
        return !Double.isNaN(d) && !Double.isInfinite(d);
    }

    /** JSON string escaping as RFC 8785 does it; a lone surrogate is escaped so that no two strings share bytes. */
    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        unicodeEscape(c, out);
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        unicodeEscape(c, out);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void unicodeEscape(char c, StringBuilder out) {
        out.append(String.format("\\u%04x", (int) c));
    }
}
