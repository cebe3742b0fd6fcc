package be.leerid.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;

import be.leerid.identifiers.PseudonymDeriver;
import be.leerid.identifiers.PseudonymKey;
import org.junit.jupiter.api.Test;

class UsernamesTest {

    private static final PseudonymDeriver DERIVER = new PseudonymDeriver(
            PseudonymKey.fromBase64("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="));

    @Test
    void aPersonHasTwelveDistinctKeyedVariantsOfOneReadableName() {
        List<String> candidates = Usernames.candidates(DERIVER, "10000001", "Lotte", "Peeters");
        assertEquals(Usernames.VARIANTS, candidates.size());
        assertEquals(Usernames.VARIANTS, new HashSet<>(candidates).size());
        assertTrue(candidates.stream().allMatch(u -> u.matches("lotte\\.peeters\\.[a-z2-7]{4}")), candidates.toString());
        assertEquals(candidates, Usernames.candidates(DERIVER, "10000001", "Lotte", "Peeters"), "the same every time");
        assertTrue(candidates.stream().noneMatch(u -> u.contains("10000001")), "the LeerID is not in a username");
    }

    @Test
    void namesBecomeWhatAChildCanType() {
        assertEquals("zoe.vandenbroeck.abcd", Usernames.of("Zoë", "Van den Broeck", "abcd"));
        assertEquals("x.x.abcd", Usernames.of("", "---", "abcd"));
    }
}
