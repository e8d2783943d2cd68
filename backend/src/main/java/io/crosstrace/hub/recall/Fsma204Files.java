package io.crosstrace.hub.recall;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.stereotype.Service;

/**
 * The FSMA 204 spreadsheet as a finished file, for callers that are not the HTTP endpoint (the workspace offers it as
 * a download to a signed-in session, which the bearer-token API does not accept). Same export, same rules: platform
 * administrators, analysts and port inspectors; the same parameter checks and the same {@value Fsma204ExportService#MAX_ROWS}-record
 * limit.
 */
@Service
public class Fsma204Files {

    public enum Format {
        CSV("csv", CsvWriter.MEDIA_TYPE),
        XLSX("xlsx", Fsma204Workbook.MEDIA_TYPE);

        final String extension;
        final String mediaType;

        Format(String extension, String mediaType) {
            this.extension = extension;
            this.mediaType = mediaType;
        }
    }

    /**
     * @param name      file name with its extension
     * @param mediaType the file's content type
     * @param content   the file
     * @param records   how many records (rows under the header) it holds
     */
    public record File(String name, String mediaType, byte[] content, int records) {
    }

    private final Fsma204ExportService exports;

    Fsma204Files(Fsma204ExportService exports) {
        this.exports = exports;
    }

    /**
     * One lot ({@code gtin} and {@code lot}) or the lots with events between {@code from} and {@code to} (ISO dates),
     * as the HTTP endpoint takes them.
     *
     * @throws io.crosstrace.hub.graphql.BadInputException a malformed or contradictory parameter, or too many records
     * @throws io.crosstrace.hub.graphql.NotFoundException  no such lot
     */
    public File render(String gtin, String lot, String from, String to, Format format) {
        Fsma204ExportService.Export export = exports.export(gtin, lot, from, to);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (format == Format.XLSX) {
                Fsma204Workbook.write(export.records(), out);
            } else {
                try (CsvWriter csv = new CsvWriter(out)) {
                    csv.row(Fsma204Record.HEADER);
                    for (Fsma204Record record : export.records()) {
                        csv.row(record.cells());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new File(export.baseName() + "." + format.extension, format.mediaType, out.toByteArray(),
                export.records().size());
    }
}
