package io.crosstrace.gs1;

/** A serial number (GS1 AI 21): 1 to 20 characters of the GS1 character set 82. */
public record Serial(String value) {

    public static final int MAX_LENGTH = 20;

    public Serial {
        Cset82.require("serial", value, MAX_LENGTH);
    }

    @Override
    public String toString() {
        return value;
    }
}
