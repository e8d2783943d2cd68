package io.crosstrace.hub.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

import io.crosstrace.hub.graphql.BadInputException;

class QrCodeRendererTest {

    /** As long as a real signed unit URI on a resolver with a port. */
    static final String SIGNED_URI = "https://hub.example.com:8443/01/09506000134376/10/LOT-2026-03A/21/ABCDEFGHJKLMNPQR?8030=k1_"
            + "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_".repeat(2).substring(0, 86);

    private final QrCodeRenderer renderer = new QrCodeRenderer();

    @ParameterizedTest
    @CsvSource({"64, L, 4", "150, M, 4", "300, M, 4", "300, H, 4", "512, Q, 0", "777, H, 16", "1000, L, 2", "2000, M, 4"})
    void every_png_decodes_back_to_the_exact_signed_uri(int size, String ecc, int margin) throws Exception {
        byte[] png = renderer.png(SIGNED_URI, QrOptions.of(size, ecc, margin));

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(image.getHeight()).isGreaterThanOrEqualTo(size);
        Result decoded = QrDecoding.decode(image);
        assertThat(decoded.getText()).isEqualTo(SIGNED_URI);
        assertThat(decoded.getResultMetadata().get(ResultMetadataType.ERROR_CORRECTION_LEVEL)).isEqualTo(ecc);
    }

    @Test
    void a_png_is_exactly_the_size_asked_for_when_the_symbol_fits() throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(renderer.png(SIGNED_URI, QrOptions.defaults())));

        assertThat(image.getWidth()).isEqualTo(QrOptions.DEFAULT_SIZE);
    }

    @Test
    void an_svg_has_a_view_box_one_path_no_external_references_and_draws_the_same_symbol() throws Exception {
        String svg = renderer.svg(SIGNED_URI, QrOptions.of(400, "Q", 4));

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        Element root = document.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(root.getAttribute("width")).isEqualTo("400");
        assertThat(root.getAttribute("viewBox")).matches("0 0 (\\d+) \\1");
        assertThat(document.getElementsByTagNameNS("*", "path").getLength()).isEqualTo(1);
        assertThat(svg).doesNotContain("href").doesNotContain("<image").doesNotContain("url(");

        int modules = Integer.parseInt(root.getAttribute("viewBox").split(" ")[2]);
        String d = ((Element) document.getElementsByTagNameNS("*", "path").item(0)).getAttribute("d");
        assertThat(QrDecoding.decode(rasterize(d, modules, 6)).getText()).isEqualTo(SIGNED_URI);
    }

    @Test
    void options_outside_their_ranges_are_refused() {
        assertThatThrownBy(() -> QrOptions.of(63, null, null)).isInstanceOf(BadInputException.class).hasMessageContaining("size");
        assertThatThrownBy(() -> QrOptions.of(2001, null, null)).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> QrOptions.of(null, "X", null)).isInstanceOf(BadInputException.class).hasMessageContaining("ecc");
        assertThatThrownBy(() -> QrOptions.of(null, null, 17)).isInstanceOf(BadInputException.class).hasMessageContaining("margin");
        assertThatThrownBy(() -> QrOptions.of(null, null, -1)).isInstanceOf(BadInputException.class);
        assertThat(QrOptions.of(null, "h", null)).isEqualTo(new QrOptions(300, ErrorCorrectionLevel.H, 4));
    }

    /** Draws the SVG path ("M x y h w v1 h-w z" per run) into an image, {@code scale} pixels per module. */
    private static BufferedImage rasterize(String d, int modules, int scale) {
        BufferedImage image = new BufferedImage(modules * scale, modules * scale, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        Matcher run = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z").matcher(d);
        int covered = 0;
        while (run.find()) {
            assertThat(run.group(4)).isEqualTo(run.group(3));
            g.fillRect(Integer.parseInt(run.group(1)) * scale, Integer.parseInt(run.group(2)) * scale,
                    Integer.parseInt(run.group(3)) * scale, scale);
            covered += run.group().length();
        }
        g.dispose();
        assertThat(covered).as("the path is made only of module runs").isEqualTo(d.getBytes(StandardCharsets.US_ASCII).length);
        return image;
    }
}
