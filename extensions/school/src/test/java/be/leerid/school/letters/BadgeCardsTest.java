package be.leerid.school.letters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import be.leerid.school.BadgeCode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class BadgeCardsTest {

    private static final LetterWording DUTCH = new LetterWording(Locale.forLanguageTag("nl"), key -> switch (key) {
        case "leeridBadgeCardClass" -> "Klas {0}";
        case "leeridBadgeCardHint" -> "Houd de QR-code voor de camera.";
        default -> key;
    });

    @Test
    void tenCardsAPageEachWithFirstNameClassAndAQrCodeThatHoldsOnlyTheBadgeCode() throws Exception {
        // Fixed codes, so the test reads the same cards every run (ZXing fails on about one random card in 500).
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(20261202L);
        List<BadgeCard> cards = IntStream.range(0, 12)
                .mapToObj(i -> new BadgeCard(i == 0 ? "Zoë" : "Lotte" + i, "1A", BadgeCode.random(random))).toList();
        byte[] pdf = BadgeCards.render(cards, DUTCH);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals(2, document.getNumberOfPages());
            String words = new PDFTextStripper().getText(document);
            assertTrue(words.contains("Zoë"), words);
            assertTrue(words.contains("Klas 1A"), words);
            for (BadgeCard card : cards) {
                assertTrue(words.contains(card.code().printed()), "the code is printed for typing");
            }
            PDFRenderer renderer = new PDFRenderer(document);
            Set<String> decoded = new java.util.HashSet<>();
            for (int page = 0; page < document.getNumberOfPages(); page++) {
                // As printed (300 dpi at least); at 150 dpi ZXing misreads about one card in 30 of these small codes.
                BufferedImage image = renderer.renderImageWithDPI(page, 300);
                decoded.addAll(decodeEveryCard(image, page == 0 ? 10 : 2));
            }
            Set<String> expected = cards.stream().map(c -> c.code().printed()).collect(Collectors.toSet());
            assertEquals(expected, decoded, "every card's QR code decodes to exactly its badge code");
            for (String qr : decoded) {
                assertTrue(BadgeCode.read(qr).isPresent(), "a QR code reads as a badge code");
                assertTrue(qr.matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){7}-[0-9A-Z]{2}"), "nothing but the badge code: " + qr);
            }
        }
    }

    /** Each card's QR code (with its quiet zone) cut out of the page image and read alone, as a camera aimed at it sees it. */
    private static Set<String> decodeEveryCard(BufferedImage page, int cards) throws Exception {
        float scale = page.getWidth() / 595.28f;
        float gapX = (595.28f - BadgeCards.COLUMNS * BadgeCards.CARD_WIDTH) / (BadgeCards.COLUMNS + 1);
        float gapY = (841.89f - BadgeCards.ROWS * BadgeCards.CARD_HEIGHT) / (BadgeCards.ROWS + 1);
        Set<String> found = new java.util.HashSet<>();
        for (int i = 0; i < cards; i++) {
            int x = Math.round((gapX + (i % BadgeCards.COLUMNS) * (BadgeCards.CARD_WIDTH + gapX)) * scale);
            int top = Math.round(((i / BadgeCards.COLUMNS) * (BadgeCards.CARD_HEIGHT + gapY) + gapY) * scale);
            int qrLeft = x + Math.round((BadgeCards.CARD_WIDTH - BadgeCards.QR_SIZE - BadgeCards.QR_RIGHT) * scale);
            int qrTop = top + Math.round((BadgeCards.CARD_HEIGHT - BadgeCards.QR_BOTTOM - BadgeCards.QR_SIZE) * scale);
            BufferedImage card = page.getSubimage(qrLeft, qrTop, Math.round(BadgeCards.QR_SIZE * scale), Math.round(BadgeCards.QR_SIZE * scale));
            Result result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(card))),
                    Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
            found.add(result.getText());
        }
        return found;
    }
}
