package io.crosstrace.workspace.i18n;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.Cookie;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinService;

/**
 * The language a partner chose, remembered in a cookie for a year: it holds on the sign-in page too, before anyone
 * is known, and on a shared port terminal each browser keeps its own choice.
 */
public final class LanguagePreference {

    static final String COOKIE = "crosstrace-lang";
    private static final int ONE_YEAR = 365 * 24 * 3600;

    private LanguagePreference() {
    }

    /** The remembered language, else the browser's (Chinese when it asks for Chinese), else English. */
    public static Locale of(VaadinRequest request) {
        Optional<String> remembered = Optional.ofNullable(request.getCookies()).stream().flatMap(Arrays::stream)
                .filter(c -> COOKIE.equals(c.getName())).map(Cookie::getValue).findFirst();
        return WorkspaceI18NProvider.supported(remembered.map(Locale::forLanguageTag).orElse(request.getLocale()));
    }

    /** Switches the UI's language and remembers it; the page reloads so every text is drawn again in it. */
    public static void choose(UI ui, Locale locale) {
        Locale chosen = WorkspaceI18NProvider.supported(locale);
        VaadinResponse response = VaadinService.getCurrentResponse();
        if (response != null) {
            Cookie cookie = new Cookie(COOKIE, chosen.getLanguage());
            cookie.setPath("/");
            cookie.setMaxAge(ONE_YEAR);
            cookie.setHttpOnly(true);
            response.addCookie(cookie);
        }
        ui.getSession().setLocale(chosen);
        ui.setLocale(chosen);
        ui.getPage().reload();
    }
}
