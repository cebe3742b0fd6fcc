package be.leerid.school.letters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import be.leerid.school.ActivationCode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class ActivationLettersTest {

    private static final LetterWording DUTCH = new LetterWording(Locale.forLanguageTag("nl"), key -> switch (key) {
        case "leeridLetterGreeting" -> "Hallo {0},";
        case "leeridLetterValidUntil" -> "Geldig tot en met {0}.";
        case "leeridLetterIntro" -> "Met LeerID meld je je aan bij de digitale leermiddelen van je school.";
        default -> key;
    });

    @Test
    void onePageALetterWithNameClassUsernameCodeAndAQrCodeThatOpensTheActivationPage() throws Exception {
        SecureRandom random = new SecureRandom();
        List<ActivationLetter> letters = IntStream.range(0, 3).mapToObj(i -> new ActivationLetter("Zoë", "Peeters " + i, "5B",
                "zoe.peeters" + i, ActivationCode.random(random), LocalDate.of(2026, 12, 16),
                URI.create("https://leerid.be/realms/leerid/school/activate?username=zoe.peeters" + i))).toList();
        byte[] pdf = ActivationLetters.render(letters, DUTCH);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals(3, document.getNumberOfPages());
            PDFRenderer renderer = new PDFRenderer(document);
            for (int page = 0; page < 3; page++) {
                assertEquals(PDRectangle.A4.getWidth(), document.getPage(page).getMediaBox().getWidth(), 0.5);
                PDFTextStripper text = new PDFTextStripper();
                text.setStartPage(page + 1);
                text.setEndPage(page + 1);
                String words = text.getText(document);
                ActivationLetter letter = letters.get(page);
                assertTrue(words.contains("Hallo Zoë,"), words);
                assertTrue(words.contains("Zoë Peeters " + page), words);
                assertTrue(words.contains("5B"), words);
                assertTrue(words.contains(letter.username()), words);
                assertTrue(words.contains(letter.code().printed()), words);
                assertTrue(words.contains("16 december 2026"), words);
                assertEquals(letter.activationPage().toString(), qr(renderer.renderImageWithDPI(page, 150)));
            }
        }
    }

    @Test
    void namesAreSpelledAsTheRegisterSpellsThem() throws Exception {
        ActivationLetter letter = new ActivationLetter("Łukasz", "Şahin-Yılmaz", "1A", "lukasz.sahin", ActivationCode.random(new SecureRandom()),
                LocalDate.of(2026, 12, 16), URI.create("https://leerid.be/realms/leerid/school/activate?username=lukasz.sahin"));
        try (PDDocument document = Loader.loadPDF(ActivationLetters.render(List.of(letter), DUTCH))) {
            String words = new PDFTextStripper().getText(document);
            assertTrue(words.contains("Łukasz Şahin-Yılmaz"), words);
            assertTrue(words.contains("Hallo Łukasz,"), words);
        }
    }

    @Test
    void aLetterBeyondEveryFontIsPrintedWithoutItsAccentRatherThanLost() {
        assertEquals("Lukasz", PdfDrawing.printable("Łukasz", new PDType1Font(Standard14Fonts.FontName.HELVETICA)));
    }

    static String qr(BufferedImage image) throws Exception {
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }
}
