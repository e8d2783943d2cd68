package io.crosstrace.hub.code;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import org.springframework.stereotype.Component;

/** Draws QR codes: PNG for screens and ordinary printers, SVG for artwork, module matrices for PDF labels. */
@Component
public class QrCodeRenderer {

    /** A PNG image of the QR code of {@code text}, black on white. */
    public byte[] png(String text, QrOptions options) {
        BitMatrix matrix = encode(text, options.errorCorrection(), options.quietZone(), options.size());
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            MatrixToImageWriter.writeToStream(matrix, "PNG", out);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding failed", e);
        }
        return out.toByteArray();
    }

    /**
     * A standalone SVG of the QR code: a white square and one path made of the dark modules' rectangles
     * (runs of a row merged), one user unit per module in the {@code viewBox}, no external references.
     */
    public String svg(String text, QrOptions options) {
        BitMatrix modules = modules(text, options.errorCorrection(), options.quietZone());
        int n = modules.getWidth();
        StringBuilder path = new StringBuilder(n * n);
        for (int y = 0; y < n; y++) {
            int x = 0;
            while (x < n) {
                if (!modules.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < n && modules.get(x, y)) {
                    x++;
                }
                path.append('M').append(start).append(' ').append(y).append('h').append(x - start).append("v1h-")
                        .append(x - start).append('z');
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + options.size() + "\" height=\"" + options.size()
                + "\" viewBox=\"0 0 " + n + " " + n + "\" shape-rendering=\"crispEdges\">"
                + "<rect width=\"" + n + "\" height=\"" + n + "\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }

    /** The symbol with its quiet zone, one matrix cell per module. */
    BitMatrix modules(String text, ErrorCorrectionLevel errorCorrection, int quietZone) {
        return encode(text, errorCorrection, quietZone, 0);
    }

    private static BitMatrix encode(String text, ErrorCorrectionLevel errorCorrection, int quietZone, int size) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, errorCorrection);
        hints.put(EncodeHintType.MARGIN, quietZone);
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode " + text.length() + " characters in a QR code", e);
        }
    }
}
