package be.leerid.school.letters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * QR badges as one PDF: A4, ten cards a page in two columns, each the size of a bank card (85.6 by 54 mm) with
 * a cut line, the child's first name and class, and the QR code with its code printed under it for typing. No
 * photo, no family name, nothing about the child in the QR code.
 */
public final class BadgeCards {

    static final int COLUMNS = 2;
    static final int ROWS = 5;
    private static final float MM = 72 / 25.4f;
    static final float CARD_WIDTH = 85.6f * MM;
    static final float CARD_HEIGHT = 54f * MM;
    static final float QR_SIZE = 112;
    /** Where the QR code sits on the card: from the card's right and bottom edges. */
    static final float QR_RIGHT = 6;
    static final float QR_BOTTOM = 17;
    private static final float PADDING = 9;

    private BadgeCards() {
    }

    public static byte[] render(List<BadgeCard> cards, LetterWording words) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.getDocumentInformation().setTitle(words.text("leeridBadgeCardTitle"));
            document.getDocumentInformation().setCreator("LeerID");
            PDFont names = PdfDrawing.namesFont(document);
            int perPage = COLUMNS * ROWS;
            for (int first = 0; first < cards.size(); first += perPage) {
                page(document, cards.subList(first, Math.min(cards.size(), first + perPage)), words, names);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void page(PDDocument document, List<BadgeCard> cards, LetterWording words, PDFont names) throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        float gapX = (PDRectangle.A4.getWidth() - COLUMNS * CARD_WIDTH) / (COLUMNS + 1);
        float gapY = (PDRectangle.A4.getHeight() - ROWS * CARD_HEIGHT) / (ROWS + 1);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            for (int i = 0; i < cards.size(); i++) {
                float x = gapX + (i % COLUMNS) * (CARD_WIDTH + gapX);
                float y = PDRectangle.A4.getHeight() - (i / COLUMNS + 1) * (CARD_HEIGHT + gapY);
                card(content, cards.get(i), words, names, x, y);
            }
        }
    }

    private static void card(PDPageContentStream content, BadgeCard card, LetterWording words, PDFont names, float x, float y)
            throws IOException {
        content.setLineWidth(0.5f);
        content.addRect(x, y, CARD_WIDTH, CARD_HEIGHT);
        content.stroke();
        float textWidth = CARD_WIDTH - QR_SIZE - 2 * PADDING;
        float top = y + CARD_HEIGHT - PADDING - 9;
        PdfDrawing.line(content, PdfDrawing.BOLD, 9, x + PADDING, top, "LeerID");
        String name = card.givenName() == null ? "" : card.givenName();
        float size = 22;
        while (size > 10 && PdfDrawing.widthOf(PdfDrawing.printable(name, names), names, size) > textWidth) {
            size -= 1;
        }
        float below = PdfDrawing.line(content, names, size, x + PADDING, top - 14 - size, name);
        if (card.schoolClass() != null && !card.schoolClass().isBlank()) {
            below = PdfDrawing.line(content, PdfDrawing.REGULAR, 12, x + PADDING, below - 2, words.text("leeridBadgeCardClass", card.schoolClass()));
        }
        PdfDrawing.paragraph(content, PdfDrawing.REGULAR, 8, x + PADDING, below - 4, textWidth, words.text("leeridBadgeCardHint"));
        PdfDrawing.qr(content, card.code().printed(), x + CARD_WIDTH - QR_SIZE - QR_RIGHT, y + QR_BOTTOM, QR_SIZE);
        // The code for typing (or for a scanner that cannot read the QR), in a typewriter face: 0 and O, 1 and I differ.
        PdfDrawing.line(content, PdfDrawing.MONO, 8, x + PADDING, y + 7, card.code().printed());
    }
}
