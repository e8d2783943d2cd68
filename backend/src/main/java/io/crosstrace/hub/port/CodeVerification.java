package io.crosstrace.hub.port;

import java.util.List;

/**
 * The verdict on one scanned code, check by check.
 *
 * @param code the code as sent
 * @param path its canonical Digital Link path; null when it does not parse (as are gtin, lot and serial)
 */
public record CodeVerification(String code, String path, String gtin, String lot, String serial, PortVerdict verdict,
        List<CheckResult> checks) {

    /** The checks that did not pass, with their reasons. */
    public List<CheckResult> failures() {
        return checks.stream().filter(c -> c.status() != CheckStatus.PASS).toList();
    }
}
