package io.crosstrace.hub.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpdf.text.pdf.PRStream;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;

import io.crosstrace.gs1.DigitalLink;
import io.crosstrace.gs1.Gtin;
import io.crosstrace.gs1.LotNumber;
import io.crosstrace.gs1.Serial;

class LabelSheetRendererTest {

    static final Gtin GTIN = new Gtin("09506000134376");
    static final LotNumber LOT = new LotNumber("LOT-2026-03A");

    @TempDir
    Path keys;

    private final LabelSheetRenderer renderer = new LabelSheetRenderer(new QrCodeRenderer());

    @Test
    void thirty_labels_fill_two_a4_pages_with_readable_identifiers() throws Exception {
        LabelSheet sheet = sheet(30);

        PdfReader pdf = new PdfReader(render(sheet));

        assertThat(pdf.getNumberOfPages()).isEqualTo(2);
        assertThat(pdf.getPageSize(1).getWidth()).isCloseTo(595.28f, offset(0.5f));
        assertThat(pdf.getPageSize(1).getHeight()).isCloseTo(841.89f, offset(0.5f));
        PdfTextExtractor text = new PdfTextExtractor(pdf);
        String first = text.getTextFromPage(1);
        String second = text.getTextFromPage(2);
        assertThat(first).contains("(21) " + sheet.labels().getFirst().serial())
                .contains("(21) " + sheet.labels().get(23).serial())
                .doesNotContain(sheet.labels().get(24).serial())
                .contains("(01) 09506000134376").contains("(10) LOT-2026-03A").contains("EXP 2027-09-30")
                .contains("Infant Formula");
        assertThat(second).contains("(21) " + sheet.labels().get(24).serial()).contains("(21) " + sheet.labels().get(29).serial());
    }

    @Test
    void every_qr_code_on_a_page_scans_as_its_labels_signed_uri() throws Exception {
        LabelSheet sheet = sheet(24);

        PdfReader pdf = new PdfReader(render(sheet));

        Set<String> expected = new HashSet<>(sheet.labels().stream().map(LabelSheet.Label::signedUri).toList());
        assertThat(decodeImagesOfPage(pdf, 1)).hasSize(24).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void a_thousand_labels_render_in_seconds() throws Exception {
        LabelSheet sheet = sheet(1_000);

        long start = System.nanoTime();
        byte[] pdf = render(sheet);
        long millis = (System.nanoTime() - start) / 1_000_000;

        System.out.printf("Label sheet: 1000 labels, %d pages, %d KiB rendered in %d ms%n",
                new PdfReader(pdf).getNumberOfPages(), pdf.length / 1024, millis);
        assertThat(new PdfReader(pdf).getNumberOfPages()).isEqualTo(42);
    }

    private LabelSheet sheet(int labels) {
        CodeSigner signer = CodeSignerTest.signer(keys, "k1");
        SerialGenerator serials = new SerialGenerator(new SecureRandom());
        List<LabelSheet.Label> list = new ArrayList<>();
        for (String serial : serials.fresh(labels, new HashSet<>()).stream().sorted().toList()) {
            list.add(new LabelSheet.Label(serial,
                    signer.signedUri(DigitalLink.unit(GTIN, LOT, new Serial(serial)), "https://hub.example.com")));
        }
        return new LabelSheet(GTIN.value(), LOT.value(), "Gold Infant Formula Stage 1 800 g", LocalDate.of(2027, 9, 30), list);
    }

    private byte[] render(LabelSheet sheet) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.render(sheet, out);
        return out.toByteArray();
    }

    /** Decodes each image XObject of a page: 1-bit grey, one pixel per module. */
    static List<String> decodeImagesOfPage(PdfReader pdf, int page) throws Exception {
        PdfDictionary xObjects = pdf.getPageN(page).getAsDict(PdfName.RESOURCES).getAsDict(PdfName.XOBJECT);
        List<String> texts = new ArrayList<>();
        for (PdfName name : xObjects.getKeys()) {
            PRStream stream = (PRStream) PdfReader.getPdfObject(xObjects.get(name));
            int width = stream.getAsNumber(PdfName.WIDTH).intValue();
            int height = stream.getAsNumber(PdfName.HEIGHT).intValue();
            assertThat(stream.getAsNumber(PdfName.BITSPERCOMPONENT).intValue()).isEqualTo(1);
            byte[] bits = PdfReader.getStreamBytes(stream);
            int rowBytes = (width + 7) / 8;
            int scale = 4;
            BufferedImage image = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_BYTE_GRAY);
            IntStream.range(0, height * scale).forEach(y -> IntStream.range(0, width * scale).forEach(x -> {
                int column = x / scale;
                boolean white = (bits[(y / scale) * rowBytes + column / 8] & (0x80 >>> (column % 8))) != 0;
                image.getRaster().setSample(x, y, 0, white ? 255 : 0);
            }));
            texts.add(QrDecoding.decode(image).getText());
        }
        return texts;
    }
}
