package io.crosstrace.workspace.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** Both languages say everything: a key only in one file would show as a raw key to half the partners. */
class MessagesTest {

    @Test
    void english_and_chinese_have_the_same_keys_and_no_empty_text() throws Exception {
        Properties en = load("/i18n/messages_en.properties");
        Properties zh = load("/i18n/messages_zh.properties");

        assertThat(zh.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        assertThat(en.values()).allSatisfy(v -> assertThat(v.toString()).isNotBlank());
        assertThat(zh.values()).allSatisfy(v -> assertThat(v.toString()).isNotBlank());
    }

    @Test
    void the_provider_speaks_the_chosen_language_and_english_otherwise() {
        WorkspaceI18NProvider provider = new WorkspaceI18NProvider();

        assertThat(provider.getTranslation("nav.batches", Locale.SIMPLIFIED_CHINESE)).isEqualTo("批次");
        assertThat(provider.getTranslation("nav.batches", Locale.ENGLISH)).isEqualTo("Batches");
        assertThat(provider.getTranslation("nav.batches", Locale.GERMAN)).isEqualTo("Batches");
        assertThat(provider.getTranslation("no.such.key", Locale.ENGLISH)).isEqualTo("no.such.key");
    }

    private static Properties load(String path) throws Exception {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream(path)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
