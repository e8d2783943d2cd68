package io.crosstrace.hub.recall;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * RFC 4180 CSV for spreadsheet applications: UTF-8 with a byte order mark (without it, common spreadsheet
 * applications read UTF-8 as the local code page and garble Chinese names), CRLF line ends, fields quoted when they
 * hold a comma, a quote or a line break, quotes doubled.
 *
 * <p>Text that a spreadsheet would take for a formula (starting with {@code = + - @}, a tab or a carriage return)
 * is prefixed with an apostrophe, so a product name cannot run a formula on the regulator's machine. Numbers and
 * dates are written by the hub and are never prefixed, so the sheet still sorts by them.
 */
final class CsvWriter implements AutoCloseable {

    static final String MEDIA_TYPE = "text/csv;charset=UTF-8;header=present";
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final Writer out;

    CsvWriter(OutputStream stream) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
        out.write(BYTE_ORDER_MARK);
    }

    /** Writes one record; cells may be strings, numbers, dates or null (empty). */
    void row(List<?> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(cells.get(i)));
        }
        out.write("\r\n");
    }

    static String field(Object value) {
        String text = switch (value) {
            case null -> "";
            case Number n -> n.toString();
            case LocalDate d -> d.toString();
            case String s -> defused(s);
            default -> defused(value.toString());
        };
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    private static String defused(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    /** Flushes what is buffered; the stream itself belongs to whoever opened it (e.g. the HTTP response). */
    @Override
    public void close() throws IOException {
        out.flush();
    }
}
