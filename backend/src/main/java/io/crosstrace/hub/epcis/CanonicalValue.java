package io.crosstrace.hub.epcis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.regex.Pattern;

/** Normalisation of single values for the pre-hash string (CBV 2.0 §8.9.2). */
final class CanonicalValue {

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final DateTimeFormatter LENIENT_ISO = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();
    private static final DateTimeFormatter UTC_MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'");

    private CanonicalValue() {
    }

    /**
     * A timestamp in UTC at millisecond precision, "Z" suffix; sub-millisecond digits are rounded (half to even,
     * on the microsecond value, as the reference vectors do). Text that is not a timestamp is returned unchanged.
     */
    static String timestamp(String text) {
        TemporalAccessor parsed;
        try {
            parsed = LENIENT_ISO.parse(text.trim());
        } catch (DateTimeParseException notATimestamp) {
            return text;
        }
        LocalDateTime local = LocalDateTime.of(parsed.get(ChronoField.YEAR), parsed.get(ChronoField.MONTH_OF_YEAR),
                parsed.get(ChronoField.DAY_OF_MONTH), parsed.get(ChronoField.HOUR_OF_DAY),
                parsed.get(ChronoField.MINUTE_OF_HOUR),
                parsed.isSupported(ChronoField.SECOND_OF_MINUTE) ? parsed.get(ChronoField.SECOND_OF_MINUTE) : 0);
        ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)) : ZoneOffset.UTC;
        long micros = parsed.isSupported(ChronoField.NANO_OF_SECOND) ? parsed.get(ChronoField.NANO_OF_SECOND) / 1000 : 0;
        long millis = BigDecimal.valueOf(micros).movePointLeft(3).setScale(0, RoundingMode.HALF_EVEN).longValue();
        OffsetDateTime utc = OffsetDateTime.of(local, offset).plusNanos(millis * 1_000_000L)
                .withOffsetSameInstant(ZoneOffset.UTC);
        return UTC_MILLIS.format(utc);
    }

    /** Any value but a timestamp: CBV URNs to Web URIs, numbers without redundant digits, identifiers to DL. */
    static String of(String text) {
        String value = webVocabulary(text);
        value = number(value);
        return DigitalLinkCanonicaliser.canonicalise(value).orElse(value);
    }

    /** CBV 2.0 §8.9.2: the URN forms of CBV values are replaced by their Web URIs. */
    static String webVocabulary(String text) {
        return text.replace("urn:epcglobal:cbv:bizstep:", "https://ref.gs1.org/cbv/BizStep-")
                .replace("urn:epcglobal:cbv:disp:", "https://ref.gs1.org/cbv/Disp-")
                .replace("urn:epcglobal:cbv:btt:", "https://ref.gs1.org/cbv/BTT-")
                .replace("urn:epcglobal:cbv:sdt:", "https://ref.gs1.org/cbv/SDT-")
                .replace("urn:epcglobal:cbv:er:", "https://ref.gs1.org/cbv/ER-");
    }

    /**
     * Numbers lose leading zeros, a leading "+", trailing zeros and a trailing ".0" (CBV 2.0 §8.9.2). The value is
     * read as an IEEE double and written in its shortest round-trip form, as the reference implementation does.
     */
    static String number(String text) {
        String trimmed = text.trim();
        if (!NUMBER.matcher(trimmed).matches()) {
            return text;
        }
        double value = Double.parseDouble(trimmed);
        if (Double.isInfinite(value)) {
            return text;
        }
        if (value == Math.rint(value)) {
            return new BigDecimal(value).toBigInteger().toString();
        }
        BigDecimal shortest = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        double magnitude = Math.abs(value);
        if (magnitude >= 1e-4) {
            return shortest.toPlainString();
        }
        // Below 1e-4 the reference writes scientific notation such as 1.5e-05.
        String digits = shortest.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - shortest.scale();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String sign = value < 0 ? "-" : "";
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }
}
