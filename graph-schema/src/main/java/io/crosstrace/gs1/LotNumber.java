package io.crosstrace.gs1;

/** A batch or lot number (GS1 AI 10): 1 to 20 characters of the GS1 character set 82. */
public record LotNumber(String value) {

    public static final int MAX_LENGTH = 20;

    public LotNumber {
        Cset82.require("lot", value, MAX_LENGTH);
    }

    @Override
    public String toString() {
        return value;
    }
}
