package be.leerid.identifiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PseudonymDeriverTest {

    private static final String KEY_A = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    // SAML 2.0 subject-id / pairwise-id value syntax, and at most 127 characters.
    private static final Pattern SAML_ID_VALUE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9=-]{0,126}$");

    /** The published test vectors (docs/pseudonyms.md), computed independently with Python's hmac. */
    @ParameterizedTest
    @CsvSource({
            "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=, smartschool.be, 10000001, xxjy2urt4l7hddg6hbado54ufhl6ydwoiuyecdtk2ogwmkdrolia",
            "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=, klascement.net, 10000001, 2u4pmhdcgnrenle4ba5vuokfakjvp5mac4npbc35x6lckag7p2ya",
            "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=, archief.onderwijs.be, 10000001, qc33cnrolehamj724o6mtnda3fmjcsllh3nyk2x45xhca2km5ndq",
            "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=, smartschool.be, 10000002, zv6pmwvrsdvnbtzpqggzvv3lbseytg7pn2digvsqzuryp2whtola",
            "//////////////////////////////////////////8=, smartschool.be, 10000001, tnzrb7beb37wdvaj6xhjiyszq5hqdjn4kzfhqgndegpzklr22xlq",
            "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=, école.be, Ω-42, rwiume7estlm3hix5dgcgbwferphlee2nvudbbpo273mms4um7ca",
    })
    void matchesPublishedTestVectors(String key, String sector, String leerid, String expected) {
        String pseudonym = new PseudonymDeriver(PseudonymKey.fromBase64(key)).derive(sector, leerid);
        assertEquals(expected, pseudonym);
        assertTrue(SAML_ID_VALUE.matcher(pseudonym).matches(), pseudonym);
        assertEquals(52, pseudonym.length());
    }

    @Test
    void separatorKeepsSectorAndLeeridApart() {
        PseudonymDeriver deriver = new PseudonymDeriver(PseudonymKey.fromBase64(KEY_A));
        assertNotEquals(deriver.derive("school.b", "e1"), deriver.derive("school.be", "1"));
    }

    @Test
    void rejectsEmptyInput() {
        PseudonymDeriver deriver = new PseudonymDeriver(PseudonymKey.fromBase64(KEY_A));
        assertThrows(IllegalArgumentException.class, () -> deriver.derive("", "10000001"));
        assertThrows(IllegalArgumentException.class, () -> deriver.derive("smartschool.be", null));
    }

    @Test
    void isThreadSafe() throws InterruptedException {
        PseudonymDeriver deriver = new PseudonymDeriver(PseudonymKey.fromBase64(KEY_A));
        ConcurrentHashMap<String, Boolean> seen = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4_000; i++) {
            pool.submit(() -> seen.put(deriver.derive("smartschool.be", "10000001"), true));
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        assertEquals(1, seen.size());
        assertTrue(seen.containsKey("xxjy2urt4l7hddg6hbado54ufhl6ydwoiuyecdtk2ogwmkdrolia"));
    }

    @Test
    void base32MatchesRfc4648LowerCaseWithoutPadding() {
        assertEquals("", PseudonymDeriver.base32(new byte[0]));
        assertEquals("my", PseudonymDeriver.base32("f".getBytes()));
        assertEquals("mzxw6ytboi", PseudonymDeriver.base32("foobar".getBytes()));
    }
}
