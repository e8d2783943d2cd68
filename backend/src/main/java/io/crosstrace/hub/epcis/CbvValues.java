package io.crosstrace.hub.epcis;

import tools.jackson.databind.JsonNode;

/**
 * The one canonical form of CBV values that the graph stores and queries compare with: the bare word for a standard
 * value, whichever of its three spellings came in (CBV 2.0 §8.3), and a user vocabulary URI unchanged. The same
 * normalisation runs on capture and on every query parameter, so {@code EQ_bizStep=urn:epcglobal:cbv:bizstep:shipping}
 * finds events captured with {@code shipping}.
 */
final class CbvValues {

    private final CbvVocabulary bizStep;
    private final CbvVocabulary disposition;
    private final CbvVocabulary bizTransactionType;
    private final CbvVocabulary sourceDestinationType;

    CbvValues(JsonNode schema) {
        this.bizStep = CbvVocabulary.bizStep(schema);
        this.disposition = CbvVocabulary.disposition(schema);
        this.bizTransactionType = CbvVocabulary.bizTransactionType(schema);
        this.sourceDestinationType = CbvVocabulary.sourceDestinationType(schema);
    }

    String bizStep(String value) {
        return canonical(bizStep, value);
    }

    String disposition(String value) {
        return canonical(disposition, value);
    }

    String bizTransactionType(String value) {
        return canonical(bizTransactionType, value);
    }

    String sourceDestinationType(String value) {
        return canonical(sourceDestinationType, value);
    }

    /** Whether a query value is a standard word or a URI at all (an unknown bare word can match nothing). */
    boolean isKnownOrUri(CbvKind kind, String value) {
        return !(vocabulary(kind).read(value) instanceof CbvVocabulary.Unknown);
    }

    enum CbvKind { BIZ_STEP, DISPOSITION, BIZ_TRANSACTION_TYPE }

    private CbvVocabulary vocabulary(CbvKind kind) {
        return switch (kind) {
            case BIZ_STEP -> bizStep;
            case DISPOSITION -> disposition;
            case BIZ_TRANSACTION_TYPE -> bizTransactionType;
        };
    }

    private static String canonical(CbvVocabulary vocabulary, String value) {
        if (value == null) {
            return null;
        }
        return switch (vocabulary.read(value)) {
            case CbvVocabulary.StandardWord standard -> standard.word();
            case CbvVocabulary.UserDefined user -> user.uri();
            case CbvVocabulary.Unknown unknown -> value;
        };
    }
}
