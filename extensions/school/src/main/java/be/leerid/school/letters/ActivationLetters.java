package be.leerid.school.letters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Activation letters as one PDF: A4, one letter a page, with the learner's name, class, username,
 * one-time code and a QR code (drawn as vector squares, so it prints sharp) that opens the activation
 * page with the username filled in.
 */
public final class ActivationLetters {

    private static final float MARGIN = 56;
    private static final float QR_SIZE = 150;

    private ActivationLetters() {
    }

    public static byte[] render(List<ActivationLetter> letters, LetterWording words) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(words.text("leeridLetterTitle"));
            info.setCreator("LeerID");
            PDFont names = PdfDrawing.namesFont(document);
            for (ActivationLetter letter : letters) {
                page(document, letter, words, names);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void page(PDDocument document, ActivationLetter letter, LetterWording words, PDFont names) throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        float width = PDRectangle.A4.getWidth();
        float top = PDRectangle.A4.getHeight() - MARGIN;
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            float y = top;
            y = PdfDrawing.line(content, PdfDrawing.BOLD, 24, MARGIN, y, words.text("leeridLetterTitle"));
            y -= 14;
            y = PdfDrawing.line(content, names, 13, MARGIN, y, words.text("leeridLetterGreeting", letter.givenName()));
            y = PdfDrawing.paragraph(content, PdfDrawing.REGULAR, 12, MARGIN, y - 6, width - 2 * MARGIN, words.text("leeridLetterIntro"));

            float boxTop = y - 16;
            float rowY = boxTop - 22;
            String[][] rows = {
                    {words.text("leeridLetterName"), letter.givenName() + " " + letter.familyName()},
                    {words.text("leeridLetterClass"), letter.schoolClass() == null ? "" : letter.schoolClass()},
                    {words.text("leeridLetterUsername"), letter.username()},
                    {words.text("leeridLetterCode"), letter.code().printed()},
            };
            for (String[] row : rows) {
                PdfDrawing.line(content, PdfDrawing.REGULAR, 12, MARGIN + 12, rowY, row[0]);
                // What the child types (username and code) in a typewriter face: 0 and O, 1 and l differ there.
                boolean typed = row == rows[2] || row == rows[3];
                PdfDrawing.line(content, typed ? PdfDrawing.MONO : row == rows[0] ? names : PdfDrawing.BOLD, typed ? 16 : 13, MARGIN + 150, rowY, row[1]);
                rowY -= 26;
            }
            float boxBottom = rowY + 8;
            content.setLineWidth(1);
            content.addRect(MARGIN, boxBottom, width - 2 * MARGIN - QR_SIZE - 20, boxTop - boxBottom);
            content.stroke();
            PdfDrawing.qr(content, letter.activationPage().toString(), width - MARGIN - QR_SIZE, boxBottom, QR_SIZE);

            String until = letter.validUntil().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(words.locale()));
            y = PdfDrawing.paragraph(content, PdfDrawing.BOLD, 12, MARGIN, boxBottom - 24, width - 2 * MARGIN, words.text("leeridLetterValidUntil", until));
            y -= 12;
            y = PdfDrawing.line(content, PdfDrawing.BOLD, 14, MARGIN, y, words.text("leeridLetterHow"));
            y = PdfDrawing.paragraph(content, PdfDrawing.REGULAR, 12, MARGIN, y - 4, width - 2 * MARGIN, "1. " + words.text("leeridLetterStep1"));
            y = PdfDrawing.paragraph(content, PdfDrawing.MONO, 10, MARGIN + 14, y, width - 2 * MARGIN - 14, letter.activationPage().toString());
            y = PdfDrawing.paragraph(content, PdfDrawing.REGULAR, 12, MARGIN, y - 2, width - 2 * MARGIN, "2. " + words.text("leeridLetterStep2"));
            y = PdfDrawing.paragraph(content, PdfDrawing.REGULAR, 12, MARGIN, y - 2, width - 2 * MARGIN, "3. " + words.text("leeridLetterStep3"));
            y -= 12;
            PdfDrawing.paragraph(content, PdfDrawing.REGULAR, 11, MARGIN, y, width - 2 * MARGIN, words.text("leeridLetterKeep"));
        }
    }

}
