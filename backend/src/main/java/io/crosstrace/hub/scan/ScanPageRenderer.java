package io.crosstrace.hub.scan;

import static io.crosstrace.hub.scan.Html.escape;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

import io.crosstrace.hub.certificate.Certificate;
import io.crosstrace.hub.registry.Premises;
import io.crosstrace.hub.registry.Product;

/**
 * Renders the consumer scan page: one small self-contained HTML document (inline CSS, no script, no
 * third-party request), readable from 320 px up. Every value from the graph is escaped.
 */
@Component
class ScanPageRenderer {

    static final String STYLE = """
            *{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC",sans-serif;\
            color:#1b1f24;background:#f3f5f7}header,footer{display:flex;justify-content:space-between;align-items:center;\
            padding:.6rem 1rem;background:#0b3d5c;color:#fff}header a{color:#fff}footer{background:none;color:#667;font-size:.8rem}\
            main{max-width:40rem;margin:0 auto;padding:.5rem}section{background:#fff;border-radius:.6rem;padding:.8rem 1rem;margin:.6rem 0}\
            h1{font-size:1.35rem;margin:.2rem 0}h2{font-size:1.05rem;margin:0 0 .4rem}dl{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,3fr);\
            gap:.2rem .8rem;margin:0}dt{color:#556}dd{margin:0;overflow-wrap:anywhere}.v{color:#fff}.v-GENUINE{background:#1e7d3a}\
            .v-WARNING{background:#b26a00}.v-RECALLED,.v-NOT_GENUINE,.v-NOT_REGISTERED{background:#b3261e}.v ul{margin:.3rem 0 0;padding-left:1.2rem}\
            ol{list-style:none;margin:0;padding:0}ol li{border-left:3px solid #0b3d5c;padding:0 0 .6rem .8rem;position:relative}\
            ol li:before{content:"";position:absolute;left:-.45rem;top:.35rem;width:.6rem;height:.6rem;border-radius:50%;background:#0b3d5c}\
            .d{color:#556;font-size:.85rem}.fail{color:#b3261e;font-weight:600}.ok{color:#1e7d3a}label{display:block;margin:.4rem 0 .1rem}\
            input,textarea{width:100%;font:inherit;padding:.4rem;border:1px solid #99a;border-radius:.3rem}\
            button{margin-top:.6rem;font:inherit;padding:.5rem 1.2rem;border:0;border-radius:.3rem;background:#0b3d5c;color:#fff}""";

    String render(ScanView view, ScanMessages m, String signatureValue, String notice) {
        StringBuilder html = new StringBuilder(8192);
        head(html, m, m.get("title"), view.path(), signatureValue);
        verdict(html, view, m);
        if (notice != null) {
            html.append("<section role=\"status\"><p>").append(escape(notice)).append("</p></section>");
        }
        if (view.product() != null) {
            product(html, view, m);
        }
        if (view.premises() != null || view.producer() != null) {
            origin(html, view, m);
        }
        if (!view.journey().isEmpty()) {
            journey(html, view, m);
        }
        if (!view.certificates().isEmpty()) {
            certificates(html, view, m);
        }
        if (view.level() == ScanView.Level.UNIT) {
            html.append("<section id=\"scans\"><p>")
                    .append(view.scanCount() == null || view.scanCount() == 0 ? escape(m.get("scans.first"))
                            : escape(m.get("scans.before").formatted(view.scanCount())))
                    .append("</p></section>");
            reportForm(html, view.path(), m);
        }
        return foot(html, m);
    }

    /** The 400 page: the code cannot be read, with the reason; in both languages, the reader's first. */
    String badCode(String rawPath, String reason, ScanMessages m) {
        StringBuilder html = new StringBuilder(2048);
        head(html, m, m.get("badCode.title"), rawPath, null);
        html.append("<section class=\"v v-NOT_REGISTERED\"><h1>").append(escape(m.get("badCode.title")))
                .append("</h1><p lang=\"").append(m.other().lang()).append("\">").append(escape(m.other().get("badCode.title")))
                .append("</p></section><section><p>").append(escape(m.get("badCode.body"))).append("<br><span lang=\"")
                .append(m.other().lang()).append("\">").append(escape(m.other().get("badCode.body")))
                .append("</span></p><p><code>").append(escape(rawPath)).append("</code></p><p lang=\"en\">")
                .append(escape(reason)).append("</p></section>");
        return foot(html, m);
    }

    /** The 404 page: well formed, but never issued here; in both languages, the reader's first. */
    String notRegistered(String path, ScanMessages m) {
        StringBuilder html = new StringBuilder(2048);
        head(html, m, m.get("verdict.NOT_REGISTERED"), path, null);
        html.append("<section class=\"v v-NOT_REGISTERED\"><h1>").append(escape(m.get("verdict.NOT_REGISTERED")))
                .append("</h1><p lang=\"").append(m.other().lang()).append("\">")
                .append(escape(m.other().get("verdict.NOT_REGISTERED"))).append("</p></section><section><p>")
                .append(escape(m.get("notRegistered.body"))).append("</p><p lang=\"").append(m.other().lang()).append("\">")
                .append(escape(m.other().get("notRegistered.body"))).append("</p><p><code>").append(escape(path))
                .append("</code></p></section>");
        return foot(html, m);
    }

    /** The 503 page while the hub cannot read the graph: in both languages, the reader's first, with the code. */
    String unavailable(String path, ScanMessages m) {
        StringBuilder html = new StringBuilder(2048);
        head(html, m, m.get("unavailable.title"), path, null);
        html.append("<section class=\"v v-WARNING\"><h1>").append(escape(m.get("unavailable.title")))
                .append("</h1><p lang=\"").append(m.other().lang()).append("\">")
                .append(escape(m.other().get("unavailable.title"))).append("</p></section><section><p>")
                .append(escape(m.get("unavailable.body"))).append("</p><p lang=\"").append(m.other().lang()).append("\">")
                .append(escape(m.other().get("unavailable.body"))).append("</p><p><code>").append(escape(path))
                .append("</code></p></section>");
        return foot(html, m);
    }

    private void head(StringBuilder html, ScanMessages m, String title, String path, String signatureValue) {
        String other = m.chinese() ? "en" : "zh";
        String switchHref = path + "?lang=" + other
                + (signatureValue == null ? "" : "&8030=" + URLEncoder.encode(signatureValue, StandardCharsets.UTF_8));
        html.append("<!doctype html><html lang=\"").append(m.lang()).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
                .append("<title>").append(escape(title)).append(" · CrossTrace</title><style>").append(STYLE)
                .append("</style></head><body><header><strong>CrossTrace</strong><a href=\"").append(escape(switchHref))
                .append("\" hreflang=\"").append(other).append("\">").append(escape(m.get("switch")))
                .append("</a></header><main>");
    }

    private String foot(StringBuilder html, ScanMessages m) {
        return html.append("</main><footer><span>").append(escape(m.get("footer"))).append("</span></footer></body></html>")
                .toString();
    }

    private void verdict(StringBuilder html, ScanView view, ScanMessages m) {
        html.append("<section id=\"status\" class=\"v v-").append(view.verdict()).append("\"><h1>")
                .append(escape(m.get("verdict." + view.verdict()))).append("</h1>");
        if (view.level() != ScanView.Level.UNIT) {
            html.append("<p>").append(escape(m.get("level." + view.level()))).append("</p>");
        }
        if (view.verdict() == Verdict.NOT_GENUINE) {
            html.append("<p>").append(escape(m.get("notGenuine.body"))).append("</p>");
        } else if (view.signature() != null) {
            html.append("<p>").append(escape(m.get("signature." + view.signature()))).append("</p>");
        }
        if (!view.warnings().isEmpty()) {
            html.append("<ul>");
            view.warnings().forEach(w -> html.append("<li>").append(escape(m.get(w))).append("</li>"));
            html.append("</ul>");
        }
        html.append("</section>");
    }

    private void product(StringBuilder html, ScanView view, ScanMessages m) {
        Product product = view.product();
        html.append("<section id=\"product\"><h2>").append(escape(m.chinese() ? product.nameZh() : product.nameEn()))
                .append("</h2><dl>");
        row(html, m.get("brand"), product.brand());
        row(html, m.get("netContent"), product.netContent());
        row(html, "GTIN", product.gtin());
        if (view.batch() != null) {
            row(html, m.get("lot"), view.batch().lot());
            row(html, m.get("productionDate"), view.batch().productionDate());
            row(html, m.get("expiryDate"), view.batch().expiryDate());
        }
        row(html, m.get("serial"), view.serial());
        html.append("</dl></section>");
    }

    private void origin(StringBuilder html, ScanView view, ScanMessages m) {
        html.append("<section id=\"origin\"><h2>").append(escape(m.get("origin"))).append("</h2><dl>");
        if (view.producer() != null) {
            row(html, m.get("producer"), view.producer().name());
        }
        Premises premises = view.premises();
        if (premises != null) {
            row(html, m.get("premises"), m.chinese() && premises.nameZh() != null ? premises.nameZh() : premises.name());
            row(html, m.get("location"), join(premises.address(), premises.city()));
            row(html, m.get("country"), premises.country());
            row(html, m.get("registration"), premises.registrationNumber());
            if (premises.latitude() != null && premises.longitude() != null) {
                row(html, "GPS", "%.4f, %.4f".formatted(premises.latitude(), premises.longitude()));
            }
        }
        html.append("</dl></section>");
    }

    private void journey(StringBuilder html, ScanView view, ScanMessages m) {
        html.append("<section id=\"journey\"><h2>").append(escape(m.get("journey"))).append("</h2><ol>");
        for (JourneyStep step : view.journey()) {
            String org = step.organization() == null ? null : view.issuerNames().getOrDefault(step.organization(), null);
            html.append("<li><strong>").append(escape(m.get("step." + step.step()))).append("</strong>");
            if (step.passed() != null && !"RELEASE".equals(step.step())) {
                html.append(" · <span class=\"").append(step.passed() ? "ok" : "fail").append("\">")
                        .append(escape(m.get(step.passed() ? "result.PASS" : "result.FAIL"))).append("</span>");
            }
            html.append("<div class=\"d\">").append(escape(step.date())).append(org == null ? "" : " · " + escape(org))
                    .append(step.detail() == null || step.detail().isBlank() ? "" : " · " + escape(step.detail()))
                    .append("</div></li>");
        }
        html.append("</ol></section>");
    }

    private void certificates(StringBuilder html, ScanView view, ScanMessages m) {
        html.append("<section id=\"certificates\"><h2>").append(escape(m.get("certificates"))).append("</h2>");
        for (Certificate c : view.certificates()) {
            String status = "REVOKED".equals(c.status()) ? "REVOKED"
                    : c.validUntil() != null && c.validUntil().isBefore(view.today()) ? "EXPIRED" : "VALID";
            html.append("<dl>");
            row(html, "No.", c.number());
            row(html, m.get("issuer"), view.issuerNames().get(c.issuerGln()));
            row(html, m.get("validity"), escapeRange(c.validFrom(), c.validUntil()) + " · " + m.get("status." + status));
            html.append("</dl><p><a href=\"/certificates/").append(escape(URLEncoder.encode(c.number(), StandardCharsets.UTF_8)))
                    .append("?lang=").append(m.chinese() ? "zh" : "en").append("\">").append(escape(m.get("verify")))
                    .append("</a></p>");
        }
        html.append("</section>");
    }

    private void reportForm(StringBuilder html, String path, ScanMessages m) {
        html.append("<section id=\"report\"><details><summary>").append(escape(m.get("report.title")))
                .append("</summary><form method=\"post\" action=\"/scan-reports\"><input type=\"hidden\" name=\"code\" value=\"")
                .append(escape(path)).append("\"><input type=\"hidden\" name=\"lang\" value=\"")
                .append(m.chinese() ? "zh" : "en").append("\"><label for=\"what\">").append(escape(m.get("report.what")))
                .append("</label><textarea id=\"what\" name=\"what\" maxlength=\"1000\" required rows=\"3\"></textarea>")
                .append("<label for=\"where\">").append(escape(m.get("report.where")))
                .append("</label><input id=\"where\" name=\"where\" maxlength=\"200\">")
                .append("<label for=\"contact\">").append(escape(m.get("report.contact")))
                .append("</label><input id=\"contact\" name=\"contact\" maxlength=\"200\">")
                .append("<button type=\"submit\">").append(escape(m.get("report.send")))
                .append("</button></form></details></section>");
    }

    private static void row(StringBuilder html, String label, Object value) {
        if (value != null && !value.toString().isBlank()) {
            html.append("<dt>").append(escape(label)).append("</dt><dd>").append(escape(value)).append("</dd>");
        }
    }

    private static String join(String a, String b) {
        return a == null ? b : b == null ? a : a + ", " + b;
    }

    private static String escapeRange(LocalDate from, LocalDate until) {
        return (from == null ? "" : from.toString()) + " – " + (until == null ? "" : until.toString());
    }
}
