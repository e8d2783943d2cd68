package io.crosstrace.hub.scan;

import java.util.Collections;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/** Picks the page language: {@code ?lang=zh|en} first, then Accept-Language, Chinese by default. */
final class Languages {

    private Languages() {
    }

    static ScanMessages pick(HttpServletRequest request) {
        String lang = request.getParameter("lang");
        if ("en".equals(lang) || "zh".equals(lang)) {
            return new ScanMessages("zh".equals(lang));
        }
        if (request.getHeader("Accept-Language") != null) {
            for (Locale locale : Collections.list(request.getLocales())) {
                if (locale.getLanguage().equals("zh")) {
                    return new ScanMessages(true);
                }
                if (locale.getLanguage().equals("en")) {
                    return new ScanMessages(false);
                }
            }
        }
        return new ScanMessages(true);
    }
}
