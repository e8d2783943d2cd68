package io.crosstrace.hub.code;

import java.util.Locale;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import io.crosstrace.hub.graphql.BadInputException;

/**
 * How a QR code is drawn.
 *
 * @param size            edge of the image in pixels, {@value #MIN_SIZE} to {@value #MAX_SIZE}; the image is never
 *                        smaller than one pixel per module, and leftover pixels widen the quiet zone
 * @param errorCorrection L (7 %), M (15 %), Q (25 %) or H (30 % of the symbol may be damaged)
 * @param quietZone       blank border in modules, 0 to {@value #MAX_QUIET_ZONE}; ISO/IEC 18004 asks for 4
 */
public record QrOptions(int size, ErrorCorrectionLevel errorCorrection, int quietZone) {

    public static final int DEFAULT_SIZE = 300;
    public static final int MIN_SIZE = 64;
    public static final int MAX_SIZE = 2000;
    public static final int DEFAULT_QUIET_ZONE = 4;
    public static final int MAX_QUIET_ZONE = 16;

    public QrOptions {
        if (size < MIN_SIZE || size > MAX_SIZE) {
            throw new BadInputException("size is " + MIN_SIZE + " to " + MAX_SIZE + " pixels (was " + size + ")");
        }
        if (errorCorrection == null) {
            throw new BadInputException("error correction is one of L, M, Q, H");
        }
        if (quietZone < 0 || quietZone > MAX_QUIET_ZONE) {
            throw new BadInputException("margin is 0 to " + MAX_QUIET_ZONE + " modules (was " + quietZone + ")");
        }
    }

    public static QrOptions defaults() {
        return new QrOptions(DEFAULT_SIZE, ErrorCorrectionLevel.M, DEFAULT_QUIET_ZONE);
    }

    /** Options from request parameters, each optional. */
    public static QrOptions of(Integer size, String errorCorrection, Integer quietZone) {
        return new QrOptions(size == null ? DEFAULT_SIZE : size,
                errorCorrection == null || errorCorrection.isBlank() ? ErrorCorrectionLevel.M : level(errorCorrection),
                quietZone == null ? DEFAULT_QUIET_ZONE : quietZone);
    }

    private static ErrorCorrectionLevel level(String text) {
        return switch (text.strip().toUpperCase(Locale.ROOT)) {
            case "L" -> ErrorCorrectionLevel.L;
            case "M" -> ErrorCorrectionLevel.M;
            case "Q" -> ErrorCorrectionLevel.Q;
            case "H" -> ErrorCorrectionLevel.H;
            default -> throw new BadInputException("ecc is one of L, M, Q, H (was '" + text + "')");
        };
    }
}
