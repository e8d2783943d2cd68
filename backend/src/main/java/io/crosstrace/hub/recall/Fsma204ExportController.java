package io.crosstrace.hub.recall;

import java.nio.charset.StandardCharsets;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.crosstrace.gs1.InvalidIdentifierException;
import io.crosstrace.hub.graphql.BadInputException;
import io.crosstrace.hub.graphql.NotFoundException;

/**
 * {@code GET /api/exports/fsma204.csv} or {@code /api/exports/fsma204.xlsx}, with {@code ?gtin=…&lot=…} or
 * {@code ?from=…&to=…[&gtin=…]}: the FSMA 204 electronic sortable spreadsheet for regulators, as CSV (opens
 * everywhere) or XLSX (typed numbers and dates, frozen header, filters).
 * Needs the bearer token of a platform administrator, analyst or port inspector: 401 without one, 403 for other roles.
 */
@RestController
class Fsma204ExportController {

    private final Fsma204ExportService exports;

    Fsma204ExportController(Fsma204ExportService exports) {
        this.exports = exports;
    }

    @GetMapping("/api/exports/fsma204.csv")
    ResponseEntity<StreamingResponseBody> csv(@RequestParam(required = false) String gtin,
            @RequestParam(required = false) String lot, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        Fsma204ExportService.Export export = exports.export(gtin, lot, from, to);
        return attachment(export.baseName() + ".csv", CsvWriter.MEDIA_TYPE, out -> {
            try (CsvWriter csv = new CsvWriter(out)) {
                csv.row(Fsma204Record.HEADER);
                for (Fsma204Record record : export.records()) {
                    csv.row(record.cells());
                }
            }
        });
    }

    @GetMapping("/api/exports/fsma204.xlsx")
    ResponseEntity<StreamingResponseBody> xlsx(@RequestParam(required = false) String gtin,
            @RequestParam(required = false) String lot, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        Fsma204ExportService.Export export = exports.export(gtin, lot, from, to);
        return attachment(export.baseName() + ".xlsx", Fsma204Workbook.MEDIA_TYPE,
                out -> Fsma204Workbook.write(export.records(), out));
    }

    /** Everything that can fail with a 4xx happened before this: the export is read before the first byte is streamed. */
    private static ResponseEntity<StreamingResponseBody> attachment(String filename, String mediaType, StreamingResponseBody body) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(mediaType))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                .cacheControl(CacheControl.noStore())
                .body(body);
    }

    @ExceptionHandler({InvalidIdentifierException.class, BadInputException.class})
    ResponseEntity<ProblemDetail> badRequest(RuntimeException e) {
        return problem(HttpStatus.BAD_REQUEST, "Not a valid export request", e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "No such lot", e.getMessage());
    }

    /** Set explicitly: the request accepts a spreadsheet, which would not otherwise admit a JSON problem. */
    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
