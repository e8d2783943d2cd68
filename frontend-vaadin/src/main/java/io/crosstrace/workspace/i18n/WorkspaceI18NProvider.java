package io.crosstrace.workspace.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.springframework.stereotype.Component;

import com.vaadin.flow.i18n.I18NProvider;

/**
 * The workspace's texts in English and Simplified Chinese, from {@code i18n/messages_en.properties} and
 * {@code i18n/messages_zh.properties} (UTF-8). A missing key shows as the key itself so it is noticed, not hidden.
 */
@Component
public class WorkspaceI18NProvider implements I18NProvider {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    private static final String BUNDLE = "i18n.messages";

    @Override
    public List<Locale> getProvidedLocales() {
        return List.of(ENGLISH, CHINESE);
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        try {
            String pattern = bundle(locale).getString(key);
            return params.length == 0 ? pattern : new MessageFormat(pattern, locale).format(params);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /** English or Chinese: the two languages the workspace speaks. */
    public static Locale supported(Locale requested) {
        return requested != null && "zh".equals(requested.getLanguage()) ? CHINESE : ENGLISH;
    }

    private static ResourceBundle bundle(Locale locale) {
        // No fallback to the JVM's default locale: English is the base when Chinese is not asked for.
        return ResourceBundle.getBundle(BUNDLE, supported(locale) == CHINESE ? Locale.CHINESE : Locale.ENGLISH,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
