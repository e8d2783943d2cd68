package io.crosstrace.gs1;

/**
 * An identifier that breaks its GS1 syntax rule (length, character set, check digit, qualifier order).
 * The message is written for the person who typed or scanned it.
 */
public class InvalidIdentifierException extends IllegalArgumentException {

    private final String identifierKind;

    public InvalidIdentifierException(String identifierKind, String message) {
        super(message);
        this.identifierKind = identifierKind;
    }

    /** Which kind of identifier was rejected, e.g. {@code GTIN}, {@code GLN}, {@code lot}. */
    public String identifierKind() {
        return identifierKind;
    }
}
