package io.crosstrace.hub.scan;

import java.util.Arrays;
import java.util.Optional;

/** The GS1 link types this resolver serves, with their titles in both languages of the scan page. */
enum LinkType {

    PIP("pip", "Product information", "产品信息"),
    CERTIFICATION_INFO("certificationInfo", "Certificates", "证书信息"),
    TRACEABILITY("traceability", "Traceability: the journey of this product", "追溯信息：产品旅程"),
    RECALL_STATUS("recallStatus", "Recall status", "召回状态"),
    VERIFICATION_SERVICE("verificationService", "Verify this code", "验证此码");

    static final String VOCABULARY = "https://gs1.org/voc/";

    private final String term;
    private final String titleEn;
    private final String titleZh;

    LinkType(String term, String titleEn, String titleZh) {
        this.term = term;
        this.titleEn = titleEn;
        this.titleZh = titleZh;
    }

    String curie() {
        return "gs1:" + term;
    }

    String uri() {
        return VOCABULARY + term;
    }

    String title(boolean chinese) {
        return chinese ? titleZh : titleEn;
    }

    /** Accepts {@code gs1:pip}, {@code https://gs1.org/voc/pip} and {@code http://gs1.org/voc/pip}. */
    static Optional<LinkType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String term = text.startsWith("gs1:") ? text.substring(4)
                : text.startsWith(VOCABULARY) ? text.substring(VOCABULARY.length())
                : text.startsWith("http://gs1.org/voc/") ? text.substring("http://gs1.org/voc/".length()) : null;
        return Arrays.stream(values()).filter(t -> t.term.equals(term)).findFirst();
    }
}
