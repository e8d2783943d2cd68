package io.crosstrace.hub.scan;

import static io.crosstrace.hub.scan.Html.escape;

import java.time.LocalDate;

import io.crosstrace.hub.certificate.Certificate;

/** The small page that tells whether a certificate stands: valid, expired or revoked, and by whom. */
final class CertificatePage {

    private CertificatePage() {
    }

    static String render(Certificate c, String issuer, String signatureCheck, ScanMessages m) {
        String status = "REVOKED".equals(c.status()) ? "REVOKED"
                : c.validUntil() != null && c.validUntil().isBefore(LocalDate.now()) ? "EXPIRED" : "VALID";
        // A certificate whose signature does not verify is not genuine, whatever the register says.
        boolean trusted = !"INVALID".equals(signatureCheck);
        String verdict = "VALID".equals(status) && trusted ? "GENUINE" : trusted ? "RECALLED" : "NOT_GENUINE";
        StringBuilder html = start(m, c.number());
        html.append("<section class=\"v v-").append(verdict).append("\"><h1>").append(escape(c.number())).append(" · ")
                .append(escape(m.get("status." + status))).append("</h1></section><section><dl>")
                .append("<dt>").append(escape(m.get("issuer"))).append("</dt><dd>").append(escape(issuer)).append("</dd>")
                .append("<dt>").append(escape(m.get("validity"))).append("</dt><dd>").append(escape(c.validFrom()))
                .append(" – ").append(escape(c.validUntil())).append("</dd>")
                .append("<dt>").append(escape(m.get("certSignature"))).append("</dt><dd class=\"sig-").append(signatureCheck)
                .append("\">").append(escape(m.get("certSignature." + signatureCheck))).append("</dd>");
        if (c.revokedReason() != null) {
            html.append("<dt>").append(escape(m.get("status.REVOKED"))).append("</dt><dd>").append(escape(c.revokedReason()))
                    .append("</dd>");
        }
        html.append("</dl></section>");
        return end(html, m);
    }

    static String notFound(String number, ScanMessages m) {
        StringBuilder html = start(m, number);
        html.append("<section class=\"v v-NOT_REGISTERED\"><h1>").append(escape(number)).append(" · ")
                .append(escape(m.get("verdict.NOT_REGISTERED"))).append("</h1></section>");
        return end(html, m);
    }

    private static StringBuilder start(ScanMessages m, String title) {
        return new StringBuilder(2048).append("<!doctype html><html lang=\"").append(m.lang())
                .append("\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>")
                .append(escape(title)).append(" · CrossTrace</title><style>").append(ScanPageRenderer.STYLE)
                .append("</style></head><body><header><strong>CrossTrace</strong></header><main>");
    }

    private static String end(StringBuilder html, ScanMessages m) {
        return html.append("</main><footer><span>").append(escape(m.get("footer"))).append("</span></footer></body></html>")
                .toString();
    }
}
