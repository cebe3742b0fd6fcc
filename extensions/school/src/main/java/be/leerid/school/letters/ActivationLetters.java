package be.leerid.school.letters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
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
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Activation letters as one PDF: A4, one letter a page, with the learner's name, class, username,
 * one-time code and a QR code (drawn as vector squares, so it prints sharp) that opens the activation
 * page with the username filled in.
 */
public final class ActivationLetters {

    private static final float MARGIN = 56;
    private static final float QR_SIZE = 150;
    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private static final PDType1Font MONO = new PDType1Font(Standard14Fonts.FontName.COURIER_BOLD);
    private static final String NAMES_FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private ActivationLetters() {
    }

    public static byte[] render(List<ActivationLetter> letters, LetterWording words) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(words.text("leeridLetterTitle"));
            info.setCreator("LeerID");
            PDFont names = namesFont(document);
            for (ActivationLetter letter : letters) {
                page(document, letter, words, names);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Children's names in any script the font covers (Şeyma, Łukasz, Zoë): Liberation Sans, which PDFBox ships,
     * embedded once per document with only the letters used. Without it, Helvetica, and names lose their accents.
     */
    private static PDFont namesFont(PDDocument document) throws IOException {
        try (InputStream font = PDDocument.class.getResourceAsStream(NAMES_FONT)) {
            return font == null ? REGULAR : PDType0Font.load(document, font, true);
        }
    }

    private static void page(PDDocument document, ActivationLetter letter, LetterWording words, PDFont names) throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        float width = PDRectangle.A4.getWidth();
        float top = PDRectangle.A4.getHeight() - MARGIN;
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            float y = top;
            y = line(content, BOLD, 24, MARGIN, y, words.text("leeridLetterTitle"));
            y -= 14;
            y = line(content, names, 13, MARGIN, y, words.text("leeridLetterGreeting", letter.givenName()));
            y = paragraph(content, REGULAR, 12, MARGIN, y - 6, width - 2 * MARGIN, words.text("leeridLetterIntro"));

            float boxTop = y - 16;
            float rowY = boxTop - 22;
            String[][] rows = {
                    {words.text("leeridLetterName"), letter.givenName() + " " + letter.familyName()},
                    {words.text("leeridLetterClass"), letter.schoolClass() == null ? "" : letter.schoolClass()},
                    {words.text("leeridLetterUsername"), letter.username()},
                    {words.text("leeridLetterCode"), letter.code().printed()},
            };
            for (String[] row : rows) {
                line(content, REGULAR, 12, MARGIN + 12, rowY, row[0]);
                // What the child types (username and code) in a typewriter face: 0 and O, 1 and l differ there.
                boolean typed = row == rows[2] || row == rows[3];
                line(content, typed ? MONO : row == rows[0] ? names : BOLD, typed ? 16 : 13, MARGIN + 150, rowY, row[1]);
                rowY -= 26;
            }
            float boxBottom = rowY + 8;
            content.setLineWidth(1);
            content.addRect(MARGIN, boxBottom, width - 2 * MARGIN - QR_SIZE - 20, boxTop - boxBottom);
            content.stroke();
            qr(content, letter.activationPage().toString(), width - MARGIN - QR_SIZE, boxBottom, QR_SIZE);

            String until = letter.validUntil().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(words.locale()));
            y = paragraph(content, BOLD, 12, MARGIN, boxBottom - 24, width - 2 * MARGIN, words.text("leeridLetterValidUntil", until));
            y -= 12;
            y = line(content, BOLD, 14, MARGIN, y, words.text("leeridLetterHow"));
            y = paragraph(content, REGULAR, 12, MARGIN, y - 4, width - 2 * MARGIN, "1. " + words.text("leeridLetterStep1"));
            y = paragraph(content, MONO, 10, MARGIN + 14, y, width - 2 * MARGIN - 14, letter.activationPage().toString());
            y = paragraph(content, REGULAR, 12, MARGIN, y - 2, width - 2 * MARGIN, "2. " + words.text("leeridLetterStep2"));
            y = paragraph(content, REGULAR, 12, MARGIN, y - 2, width - 2 * MARGIN, "3. " + words.text("leeridLetterStep3"));
            y -= 12;
            paragraph(content, REGULAR, 11, MARGIN, y, width - 2 * MARGIN, words.text("leeridLetterKeep"));
        }
    }

    private static float line(PDPageContentStream content, PDFont font, float size, float x, float y, String text) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(printable(text, font));
        content.endText();
        return y - size * 1.4f;
    }

    /** Wraps at word boundaries (a long word, such as a web address, breaks where it must). */
    private static float paragraph(PDPageContentStream content, PDFont font, float size, float x, float y, float width,
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

    private static float widthOf(String text, PDFont font, float size) throws IOException {
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

    private static boolean encodable(String c, PDFont font) {
        try {
            font.encode(c);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static void qr(PDPageContentStream content, String text, float x, float y, float size) throws IOException {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalArgumentException("the activation address does not fit a QR code", e);
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
