package io.crosstrace.hub.code;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.crosstrace.gs1.Gtin;
import io.crosstrace.gs1.InvalidIdentifierException;
import io.crosstrace.gs1.LotNumber;
import io.crosstrace.hub.graphql.BadInputException;
import io.crosstrace.hub.graphql.NotFoundException;

/** {@code GET /api/batches/{gtin}/{lot}/labels.pdf}: a printable sheet of a batch's unit labels, streamed. */
@RestController
class LabelSheetController {

    private final LabelSheetService sheets;
    private final LabelSheetRenderer renderer;
    private final ResolverBaseUrl resolverBase;

    LabelSheetController(LabelSheetService sheets, LabelSheetRenderer renderer, ResolverBaseUrl resolverBase) {
        this.sheets = sheets;
        this.renderer = renderer;
        this.resolverBase = resolverBase;
    }

    @GetMapping("/api/batches/{gtin}/{lot}/labels.pdf")
    ResponseEntity<StreamingResponseBody> labels(@PathVariable String gtin, @PathVariable String lot,
            @RequestParam(defaultValue = "0") int from, @RequestParam(defaultValue = "240") int count,
            HttpServletRequest request) {
        // Everything that can fail with a 4xx happens before the first byte is streamed.
        LabelSheet sheet = sheets.labelSheet(Gtin.parse(gtin), new LotNumber(lot), from, count, resolverBase.of(request));
        String filename = "labels-" + sheet.gtin() + "-" + sheet.lot().replaceAll("[^A-Za-z0-9_-]", "_") + "-" + from + ".pdf";
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                .cacheControl(CacheControl.noStore())
                .body(out -> renderer.render(sheet, out));
    }

    @ExceptionHandler({InvalidIdentifierException.class, BadInputException.class})
    ResponseEntity<ProblemDetail> badRequest(RuntimeException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "Not a valid label request", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "Not a valid label request", "'" + e.getName() + "' must be a whole number");
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "No such labels", e.getMessage());
    }
}
