package io.crosstrace.hub.code;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Image;
import org.openpdf.text.ImgRaw;
import org.openpdf.text.PageSize;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;

/**
 * Writes label sheets as PDF: A4 portrait, {@value #COLUMNS} × {@value #ROWS} labels per page, each with the
 * QR code of the signed URI and the product name, GTIN, lot, serial and expiry date in human-readable form.
 * Each QR code is a 1-bit image with one pixel per module (a few hundred bytes), scaled without
 * interpolation, so a page stays small and sharp at any printer resolution.
 */
@Component
public class LabelSheetRenderer {

    static final int COLUMNS = 3;
    static final int ROWS = 8;
    static final int LABELS_PER_PAGE = COLUMNS * ROWS;

    private static final Rectangle PAGE = PageSize.A4;
    private static final float MARGIN_X = 20;
    private static final float MARGIN_Y = 24;
    private static final float LABEL_WIDTH = (PAGE.getWidth() - 2 * MARGIN_X) / COLUMNS;
    private static final float LABEL_HEIGHT = (PAGE.getHeight() - 2 * MARGIN_Y) / ROWS;
    private static final float PADDING = 6;
    private static final float QR_SIZE = LABEL_HEIGHT - 2 * PADDING;
    private static final float TEXT_GAP = 4;
    private static final float TEXT_WIDTH = LABEL_WIDTH - 2 * PADDING - QR_SIZE - TEXT_GAP;
    private static final float NAME_SIZE = 7;
    private static final float VALUE_SIZE = 7;
    private static final float MIN_SIZE = 4.5f;
    private static final float LINE_GAP = 2.5f;
    private static final float CUT_GUIDE_GRAY = 0.8f;

    private final QrCodeRenderer qr;

    LabelSheetRenderer(QrCodeRenderer qr) {
        this.qr = qr;
    }

    /** Writes the sheet to {@code out}, page by page; leaves {@code out} open. */
    public void render(LabelSheet sheet, OutputStream out) {
        Document document = new Document(PAGE, 0, 0, 0, 0);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setCloseStream(false);
            document.addTitle("Unit labels " + sheet.gtin() + " / " + sheet.lot());
            document.addCreator("CrossTrace");
            document.open();
            Fonts fonts = Fonts.standard();
            PdfContentByte canvas = writer.getDirectContent();
            List<LabelSheet.Label> labels = sheet.labels();
            for (int i = 0; i < labels.size(); i++) {
                if (i > 0 && i % LABELS_PER_PAGE == 0) {
                    document.newPage();
                }
                int slot = i % LABELS_PER_PAGE;
                float x = MARGIN_X + (slot % COLUMNS) * LABEL_WIDTH;
                float y = PAGE.getHeight() - MARGIN_Y - (slot / COLUMNS + 1) * LABEL_HEIGHT;
                drawLabel(canvas, fonts, sheet, labels.get(i), x, y);
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("Could not write the label sheet", e);
        }
    }

    private void drawLabel(PdfContentByte canvas, Fonts fonts, LabelSheet sheet, LabelSheet.Label label, float x, float y)
            throws DocumentException {
        canvas.setLineWidth(0.25f);
        canvas.setGrayStroke(CUT_GUIDE_GRAY);
        canvas.rectangle(x, y, LABEL_WIDTH, LABEL_HEIGHT);
        canvas.stroke();

        canvas.addImage(qrImage(label.signedUri()), QR_SIZE, 0, 0, QR_SIZE, x + PADDING, y + PADDING);

        float textX = x + PADDING + QR_SIZE + TEXT_GAP;
        float baseline = y + LABEL_HEIGHT - PADDING - NAME_SIZE;
        canvas.setGrayFill(0);
        canvas.beginText();
        if (sheet.productName() != null) {
            for (String line : wrap(sheet.productName(), fonts.bold(), NAME_SIZE, 2)) {
                show(canvas, fonts.bold(), NAME_SIZE, line, textX, baseline);
                baseline -= NAME_SIZE + LINE_GAP;
            }
            baseline -= LINE_GAP;
        }
        List<String> lines = new ArrayList<>(List.of("(01) " + sheet.gtin(), "(10) " + sheet.lot(), "(21) " + label.serial()));
        if (sheet.expiryDate() != null) {
            lines.add("EXP " + sheet.expiryDate());
        }
        for (String line : lines) {
            float size = fittingSize(line, fonts.regular(), VALUE_SIZE);
            show(canvas, fonts.regular(), size, line, textX, baseline);
            baseline -= VALUE_SIZE + LINE_GAP;
        }
        canvas.endText();
    }

    private static void show(PdfContentByte canvas, BaseFont font, float size, String text, float x, float y) {
        canvas.setFontAndSize(font, size);
        canvas.setTextMatrix(x, y);
        canvas.showText(text);
    }

    /** The QR code as a 1-bit grey image at one pixel per module (bit 1 is white, as in DeviceGray). */
    private Image qrImage(String text) throws DocumentException {
        BitMatrix modules = qr.modules(text, ErrorCorrectionLevel.M, QrOptions.DEFAULT_QUIET_ZONE);
        int n = modules.getWidth();
        int rowBytes = (n + 7) / 8;
        byte[] pixels = new byte[rowBytes * n];
        Arrays.fill(pixels, (byte) 0xFF);
        for (int row = 0; row < n; row++) {
            for (int column = 0; column < n; column++) {
                if (modules.get(column, row)) {
                    pixels[row * rowBytes + column / 8] &= (byte) ~(0x80 >>> (column % 8));
                }
            }
        }
        // ImgRaw keeps the bits as they are (Flate-compressed); Image.getInstance would re-encode them as CCITT G4.
        Image image = new ImgRaw(n, n, 1, 1, pixels);
        image.setInterpolation(false);
        return image;
    }

    /** The largest size up to {@code size} at which {@code text} fits the text column, but not below a readable minimum. */
    private static float fittingSize(String text, BaseFont font, float size) {
        float width = font.getWidthPoint(text, size);
        return width <= TEXT_WIDTH ? size : Math.max(MIN_SIZE, size * TEXT_WIDTH / width);
    }

    /** Word-wraps into at most {@code maxLines} lines of the text column; an overlong last line ends in an ellipsis. */
    static List<String> wrap(String text, BaseFont font, float size, int maxLines) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        String[] words = text.strip().split("\\s+");
        for (int i = 0; i < words.length; i++) {
            String candidate = line.isEmpty() ? words[i] : line + " " + words[i];
            if (font.getWidthPoint(candidate, size) <= TEXT_WIDTH || line.isEmpty()) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (lines.size() == maxLines - 1) {
                line.append(' ').append(String.join(" ", Arrays.copyOfRange(words, i, words.length)));
                break;
            }
            lines.add(line.toString());
            line.setLength(0);
            line.append(words[i]);
        }
        lines.add(ellipsize(line.toString(), font, size));
        return lines;
    }

    private static String ellipsize(String text, BaseFont font, float size) {
        if (font.getWidthPoint(text, size) <= TEXT_WIDTH) {
            return text;
        }
        String cut = text;
        while (!cut.isEmpty() && font.getWidthPoint(cut + "...", size) > TEXT_WIDTH) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut.strip() + "...";
    }

    /** The PDF standard fonts: nothing to embed, WinAnsi covers the English names and the identifiers. */
    private record Fonts(BaseFont regular, BaseFont bold) {

        static Fonts standard() {
            try {
                return new Fonts(BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED),
                        BaseFont.createFont(BaseFont.HELVETICA_BOLD, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED));
            } catch (DocumentException | IOException e) {
                throw new UncheckedIOException(new IOException("The PDF standard fonts are not available", e));
            }
        }
    }
}
