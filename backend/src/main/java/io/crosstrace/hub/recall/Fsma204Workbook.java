package io.crosstrace.hub.recall;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The FSMA 204 export as an XLSX workbook: one sheet, a bold frozen header row with an auto filter, so a regulator
 * can sort and filter without importing anything. Quantities are numbers and dates are dates (not text), so they
 * sort as such. Cells are written as values, never formulas, so no text can run as a formula.
 */
final class Fsma204Workbook {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String SHEET_NAME = "FSMA 204";
    private static final String DATE_FORMAT = "yyyy-mm-dd";

    private Fsma204Workbook() {
    }

    /** Streams the workbook; rows are flushed as they are written, so memory stays flat for large exports. */
    static void write(List<Fsma204Record> records, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "CrossTrace", "1.0");
        Worksheet sheet = workbook.newWorksheet(SHEET_NAME);
        List<String> header = Fsma204Record.HEADER;
        for (int c = 0; c < header.size(); c++) {
            sheet.value(0, c, header.get(c));
            sheet.style(0, c).bold().set();
            sheet.width(c, Math.max(12, Math.min(40, header.get(c).length() + 2)));
        }
        sheet.freezePane(0, 1);
        int row = 1;
        for (Fsma204Record record : records) {
            List<Object> cells = record.cells();
            for (int c = 0; c < cells.size(); c++) {
                switch (cells.get(c)) {
                    case null -> { }
                    case Number n -> sheet.value(row, c, n);
                    case LocalDate d -> {
                        sheet.value(row, c, d);
                        sheet.style(row, c).format(DATE_FORMAT).set();
                    }
                    case Object other -> sheet.value(row, c, other.toString());
                }
            }
            if (row % 1_000 == 0) {
                sheet.flush();
            }
            row++;
        }
        sheet.setAutoFilter(0, 0, Math.max(0, row - 1), header.size() - 1);
        workbook.finish();
    }
}
