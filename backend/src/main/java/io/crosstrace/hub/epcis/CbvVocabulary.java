package io.crosstrace.hub.epcis;

import tools.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * One CBV vocabulary and its three spellings (CBV 2.0 §6 and §8.3): the bare word of the JSON-LD binding
 * ({@code shipping}), the Web URI ({@code https://ref.gs1.org/cbv/BizStep-shipping}) and the URN
 * ({@code urn:epcglobal:cbv:bizstep:shipping}). The standard words are read from the bundled GS1 JSON Schema, so
 * the two cannot drift apart.
 */
record CbvVocabulary(String name, Set<String> words, String webPrefix, String urnPrefix) {

    private static final String CBV = "https://ref.gs1.org/cbv/";

    /** The vocabularies with the schema definition holding their words. */
    static CbvVocabulary bizStep(JsonNode schema) {
        return new CbvVocabulary("bizStep", words(schema, "bizStep"), CBV + "BizStep-", "urn:epcglobal:cbv:bizstep:");
    }

    static CbvVocabulary disposition(JsonNode schema) {
        return new CbvVocabulary("disposition", words(schema, "disposition"), CBV + "Disp-", "urn:epcglobal:cbv:disp:");
    }

    static CbvVocabulary bizTransactionType(JsonNode schema) {
        return new CbvVocabulary("business transaction type", words(schema, "bizTransaction-type"), CBV + "BTT-",
                "urn:epcglobal:cbv:btt:");
    }

    static CbvVocabulary sourceDestinationType(JsonNode schema) {
        return new CbvVocabulary("source/destination type", words(schema, "source-dest-type"), CBV + "SDT-",
                "urn:epcglobal:cbv:sdt:");
    }

    static CbvVocabulary errorReason(JsonNode schema) {
        return new CbvVocabulary("error reason", words(schema, "error-reason"), CBV + "ER-", "urn:epcglobal:cbv:er:");
    }

    static CbvVocabulary component(JsonNode schema) {
        return new CbvVocabulary("component", words(schema, "component"), CBV + "Comp-", "urn:epcglobal:cbv:comp:");
    }

    /** The result of reading a value: the standard bare word, a user-defined URI, or a problem. */
    sealed interface Reading permits StandardWord, UserDefined, Unknown {
    }

    record StandardWord(String word) implements Reading {
    }

    record UserDefined(String uri) implements Reading {
    }

    record Unknown(String reason) implements Reading {
    }

    Reading read(String value) {
        Optional<String> word = Optional.empty();
        if (value.startsWith(webPrefix) || value.startsWith("http://ref.gs1.org/cbv/" + webPrefix.substring(CBV.length()))) {
            word = Optional.of(value.substring(value.indexOf('-') + 1));
        } else if (value.startsWith(urnPrefix)) {
            word = Optional.of(value.substring(urnPrefix.length()));
        } else if (isInCbvNamespace(value)) {
            return new Unknown(value + " is in the CBV namespace but not a " + name);
        } else if (value.contains(":")) {
            // EPCIS 2.0 §8.2.2: any other absolute URI is a user vocabulary element and is allowed.
            return new UserDefined(value);
        } else {
            word = Optional.of(value);
        }
        String w = word.get();
        return words.contains(w) ? new StandardWord(w) : new Unknown("'" + value + "' is not a standard CBV " + name);
    }

    private static boolean isInCbvNamespace(String value) {
        return value.startsWith("urn:epcglobal:cbv:") || value.startsWith(CBV) || value.startsWith("http://ref.gs1.org/cbv/")
                || value.startsWith("https://ns.gs1.org/cbv/") || value.startsWith("http://ns.gs1.org/cbv/");
    }

    private static Set<String> words(JsonNode schema, String definition) {
        Set<String> words = new HashSet<>();
        for (JsonNode alternative : schema.path("definitions").path(definition).path("anyOf")) {
            alternative.path("enum").forEach(word -> words.add(word.asString()));
        }
        if (words.isEmpty()) {
            throw new IllegalStateException("the bundled EPCIS schema has no words for " + definition);
        }
        return Set.copyOf(words);
    }
}
