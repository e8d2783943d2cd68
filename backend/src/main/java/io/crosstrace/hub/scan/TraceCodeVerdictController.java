package io.crosstrace.hub.scan;

import java.util.ArrayList;

import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import io.crosstrace.hub.code.TraceCode;
import io.crosstrace.hub.scan.activity.ScanRecorder;

/** {@code TraceCode.verdict}: what the scan page would say about the unit, signature aside. */
@Controller
class TraceCodeVerdictController {

    private final ScanPageService pages;
    private final ScanRecorder scans;

    TraceCodeVerdictController(ScanPageService pages, ScanRecorder scans) {
        this.pages = pages;
        this.scans = scans;
    }

    @SchemaMapping(typeName = "TraceCode", field = "verdict")
    Verdict verdict(TraceCode code) {
        return pages.registeredVerdict(code, scans.insights(code.path()), false, new ArrayList<>());
    }
}
