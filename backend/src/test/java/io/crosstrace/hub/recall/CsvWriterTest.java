package io.crosstrace.hub.recall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** RFC 4180 as spreadsheet applications read it, and no formulas smuggled in through names. */
class CsvWriterTest {

    @Test
    void records_are_crlf_terminated_utf8_with_a_byte_order_mark() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CsvWriter csv = new CsvWriter(bytes)) {
            csv.row(List.of("a", "b"));
            csv.row(Arrays.asList("婴儿配方奶粉", null, 42L, LocalDate.of(2026, 3, 14)));
        }
        byte[] written = bytes.toByteArray();

        assertThat(Arrays.copyOf(written, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(written, 3, written.length - 3, StandardCharsets.UTF_8))
                .isEqualTo("a,b\r\n婴儿配方奶粉,,42,2026-03-14\r\n");
    }

    @Test
    void fields_with_commas_quotes_or_line_breaks_are_quoted_and_quotes_doubled() {
        assertThat(CsvWriter.field("plain text")).isEqualTo("plain text");
        assertThat(CsvWriter.field("800 g, tin")).isEqualTo("\"800 g, tin\"");
        assertThat(CsvWriter.field("the \"gold\" range")).isEqualTo("\"the \"\"gold\"\" range\"");
        assertThat(CsvWriter.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvWriter.field("carriage\rreturn")).isEqualTo("\"carriage\rreturn\"");
        assertThat(CsvWriter.field(null)).isEmpty();
    }

    @Test
    void text_a_spreadsheet_would_run_as_a_formula_is_defused_but_numbers_and_dates_are_not() {
        assertThat(CsvWriter.field("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(CsvWriter.field("+61 3 9000 0000")).isEqualTo("'+61 3 9000 0000");
        assertThat(CsvWriter.field("-1")).isEqualTo("'-1");
        assertThat(CsvWriter.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvWriter.field(-1L)).isEqualTo("-1");
        assertThat(CsvWriter.field(LocalDate.of(2026, 1, 31))).isEqualTo("2026-01-31");
    }
}
