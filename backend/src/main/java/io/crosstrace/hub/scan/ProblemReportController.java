package io.crosstrace.hub.scan;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

import graphql.schema.DataFetchingEnvironment;

import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.crosstrace.gs1.DigitalLink;
import io.crosstrace.gs1.InvalidIdentifierException;
import io.crosstrace.hub.graphql.Connection;
import io.crosstrace.hub.graphql.NodeFetcher;
import io.crosstrace.hub.graphql.PageRequest;
import io.crosstrace.hub.graphql.Selections;

/** "Report a problem" from the scan page, and the reports for inspectors over GraphQL. */
@Controller
class ProblemReportController {

    private final ProblemReportService reports;
    private final ReportRateLimiter limiter;
    private final ScanPageRenderer renderer;

    ProblemReportController(ProblemReportService reports, ReportRateLimiter limiter, ScanPageRenderer renderer) {
        this.reports = reports;
        this.limiter = limiter;
        this.renderer = renderer;
    }

    @PostMapping(path = "/scan-reports", consumes = "application/x-www-form-urlencoded")
    ResponseEntity<?> report(@RequestParam String code, @RequestParam(defaultValue = "") String what,
            @RequestParam(defaultValue = "") String where, @RequestParam(defaultValue = "") String contact,
            @RequestParam(defaultValue = "zh") String lang, HttpServletRequest request) {
        ScanMessages m = new ScanMessages(!"en".equals(lang));
        DigitalLink link;
        try {
            link = DigitalLink.parse(code);
        } catch (InvalidIdentifierException e) {
            return ResolverController.html(HttpStatus.BAD_REQUEST, renderer.badCode(code, e.getMessage(), m));
        }
        String text = what.strip();
        if (text.isEmpty() || text.length() > ProblemReportService.MAX_WHAT
                || where.length() > ProblemReportService.MAX_FIELD || contact.length() > ProblemReportService.MAX_FIELD) {
            return ResolverController.problem(HttpStatus.BAD_REQUEST, m.get("report.title"), m.get("report.invalid"));
        }
        if (!limiter.tryAcquire(request.getRemoteAddr())) {
            return ResolverController.problem(HttpStatus.TOO_MANY_REQUESTS, m.get("report.title"), m.get("report.tooMany"));
        }
        if (reports.report(link.path(), text, blankToNull(where), blankToNull(contact), m.lang()).isEmpty()) {
            return ResolverController.html(HttpStatus.NOT_FOUND, renderer.notRegistered(link.path(), m));
        }
        // Post/redirect/get: the page shows the thanks, a reload does not send the report again.
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create("/scan" + link.path() + "?lang=" + URLEncoder.encode(lang, StandardCharsets.UTF_8)
                        + "&reported=1"))
                .build();
    }

    @QueryMapping
    Connection<ProblemReport> problemReports(@Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
        return reports.reports(PageRequest.of(first, after), Selections.wantsTotalCount(env));
    }

    @Bean
    NodeFetcher problemReportNodes(ProblemReportService reports) {
        return NodeFetcher.of(ProblemReport.TYPE, reports::reportsByNumber);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
