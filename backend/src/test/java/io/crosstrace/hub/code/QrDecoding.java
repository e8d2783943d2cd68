package io.crosstrace.hub.code;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;

/** Reads QR codes back with ZXing, as a scanner would. */
final class QrDecoding {

    /** Images narrower than this may be drawn at one pixel per module. */
    private static final int SMALL = 400;

    private QrDecoding() {
    }

    static Result decode(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        if (image == null) {
            throw new IOException("not an image");
        }
        return decode(image);
    }

    /**
     * Decodes an image as a scanner would; if that misses, reads it as a computer-drawn, unrotated symbol, and
     * finally enlarged, as a screen or printer shows a one-pixel-per-module image. ZXing's finder-pattern
     * detector occasionally misses perfect synthetic images; the symbol must still decode with its error
     * correction to the exact text, so a wrongly drawn code fails every way.
     */
    static Result decode(BufferedImage image) {
        Optional<Result> result = readEitherWay(image);
        if (result.isEmpty() && image.getWidth() < SMALL) {
            result = readEitherWay(enlarged(image, 4));
        }
        return result.orElseThrow(() -> new AssertionError(
                "No QR code found in a " + image.getWidth() + "x" + image.getHeight() + " image"));
    }

    private static Optional<Result> readEitherWay(BufferedImage image) {
        for (boolean pure : new boolean[] {false, true}) {
            try {
                return Optional.of(read(image, pure));
            } catch (NotFoundException e) {
                // try the other way
            }
        }
        return Optional.empty();
    }

    private static BufferedImage enlarged(BufferedImage image, int factor) {
        BufferedImage large = new BufferedImage(image.getWidth() * factor, image.getHeight() * factor, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = large.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(image, 0, 0, large.getWidth(), large.getHeight(), null);
        g.dispose();
        return large;
    }

    private static Result read(BufferedImage image, boolean pure) throws NotFoundException {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        if (pure) {
            hints.put(DecodeHintType.PURE_BARCODE, Boolean.TRUE);
        }
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        return new MultiFormatReader().decode(bitmap, hints);
    }
}
