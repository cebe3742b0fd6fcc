package be.leerid.school.letters;

import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** What LeerID's printed matter (letters, badges) draws: lines and paragraphs of text, names in any script, QR codes. */
final class PdfDrawing {

    static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    static final PDType1Font MONO = new PDType1Font(Standard14Fonts.FontName.COURIER_BOLD);
    private static final String NAMES_FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private PdfDrawing() {
    }

    /**
     * Children's names in any script the font covers (Şeyma, Łukasz, Zoë): Liberation Sans, which PDFBox ships,
     * embedded once per document with only the letters used. Without it, Helvetica, and names lose their accents.
     */
    static PDFont namesFont(PDDocument document) throws IOException {
        try (InputStream font = PDDocument.class.getResourceAsStream(NAMES_FONT)) {
            return font == null ? REGULAR : PDType0Font.load(document, font, true);
        }
    }

    static float line(PDPageContentStream content, PDFont font, float size, float x, float y, String text) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(printable(text, font));
        content.endText();
        return y - size * 1.4f;
    }

    /** Wraps at word boundaries (a long word, such as a web address, breaks where it must). */
    static float paragraph(PDPageContentStream content, PDFont font, float size, float x, float y, float width,
                                   String text) throws IOException {
        for (String row : wrap(printable(text, font), font, size, width)) {
            y = line(content, font, size, x, y, row);
        }
        return y;
    }

    static List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
        List<String> rows = new ArrayList<>();
        StringBuilder row = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = row.isEmpty() ? word : row + " " + word;
            if (widthOf(candidate, font, size) <= width) {
                row.setLength(0);
                row.append(candidate);
                continue;
            }
            if (!row.isEmpty()) {
                rows.add(row.toString());
                row.setLength(0);
            }
            String rest = word;
            while (widthOf(rest, font, size) > width) {
                int cut = rest.length() - 1;
                while (cut > 1 && widthOf(rest.substring(0, cut), font, size) > width) {
                    cut--;
                }
                rows.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            row.append(rest);
        }
        if (!row.isEmpty()) {
            rows.add(row.toString());
        }
        return rows;
    }

    static float widthOf(String text, PDFont font, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /**
     * The standard PDF fonts cover Western European letters (Dutch, French, German); names use a font that
     * covers far more. A letter beyond the font is printed without its accents rather than not at all.
     */
    static String printable(String text, PDFont font) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String c = new String(Character.toChars(cp));
            i += Character.charCount(cp);
            if (encodable(c, font)) {
                out.append(c);
                continue;
            }
            String base = Normalizer.normalize(c, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
            base = switch (base) {
                case "Ł" -> "L";
                case "ł" -> "l";
                case "Đ" -> "D";
                case "đ" -> "d";
                case "ı" -> "i";
                default -> base;
            };
            out.append(!base.isEmpty() && encodable(base, font) ? base : "?");
        }
        return out.toString();
    }

    static boolean encodable(String c, PDFont font) {
        try {
            font.encode(c);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    static void qr(PDPageContentStream content, String text, float x, float y, float size) throws IOException {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalArgumentException("the text does not fit a QR code", e);
        }
        float module = size / matrix.getWidth();
        for (int row = 0; row < matrix.getHeight(); row++) {
            for (int col = 0; col < matrix.getWidth(); col++) {
                if (matrix.get(col, row)) {
                    content.addRect(x + col * module, y + (matrix.getHeight() - 1 - row) * module, module, module);
                }
            }
        }
        content.fill();
    }
}
