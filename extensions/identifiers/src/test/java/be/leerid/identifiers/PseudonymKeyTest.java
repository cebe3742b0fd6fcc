package be.leerid.identifiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PseudonymKeyTest {

    private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    @Test
    void ignoresSurroundingWhitespace() {
        assertEquals(PseudonymKey.fromBase64(KEY), PseudonymKey.fromBase64("  " + KEY + "\n"));
    }

    @Test
    void rejectsMissingKey() {
        assertThrows(InvalidPseudonymKeyException.class, () -> PseudonymKey.fromBase64(null));
        assertThrows(InvalidPseudonymKeyException.class, () -> PseudonymKey.fromBase64(" \n"));
    }

    @Test
    void rejectsShortKey() {
        InvalidPseudonymKeyException e = assertThrows(InvalidPseudonymKeyException.class,
                () -> PseudonymKey.fromBase64("c2hvcnQta2V5"));
        assertTrue(e.getMessage().contains("at least 32"), e.getMessage());
    }

    @Test
    void errorsAndToStringNeverShowTheSecret() {
        String notBase64 = "this is not base64 but a secret!";
        InvalidPseudonymKeyException e = assertThrows(InvalidPseudonymKeyException.class,
                () -> PseudonymKey.fromBase64(notBase64));
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
        assertFalse(PseudonymKey.fromBase64(KEY).toString().contains(KEY));
    }
}
