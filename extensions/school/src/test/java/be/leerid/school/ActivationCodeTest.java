package be.leerid.school;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ActivationCodeTest {

    @Test
    void codesCarryAtLeastSixtyBitsAndDiffer() {
        assertTrue(ActivationCode.BITS >= 60);
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ActivationCode code = ActivationCode.random(random);
            assertTrue(code.canonical().matches("[0-9A-HJKMNP-TV-Z]{12}"), code.canonical());
            seen.add(code.canonical());
        }
        assertEquals(10_000, seen.size());
    }

    @Test
    void aCodeIsReadTheForgivingWay() {
        ActivationCode code = ActivationCode.read("AB0C-1DEF-GH2J").orElseThrow();
        assertEquals("AB0C-1DEF-GH2J", code.printed());
        assertEquals(code.canonical(), ActivationCode.read(" ab0c 1def gh2j ").orElseThrow().canonical());
        assertEquals(code.canonical(), ActivationCode.read("ABOC-IDEF-GH2J").orElseThrow().canonical());
        assertEquals(code.canonical(), ActivationCode.read("abOc-ldef-gh2j").orElseThrow().canonical());
    }

    @Test
    void whatCannotBeACodeIsNone() {
        assertTrue(ActivationCode.read(null).isEmpty());
        assertTrue(ActivationCode.read("").isEmpty());
        assertTrue(ActivationCode.read("AB0C-1DEF-GH2").isEmpty(), "too short");
        assertTrue(ActivationCode.read("AB0C-1DEF-GH2J-K").isEmpty(), "too long");
        assertTrue(ActivationCode.read("AB0C-1DEF-GH2U").isEmpty(), "U is not in the alphabet");
        assertTrue(ActivationCode.read("AB0C-1DEF-GH2!").isEmpty());
    }

    @Test
    void aCodeNeverShowsItselfInALog() {
        ActivationCode code = ActivationCode.random(new SecureRandom());
        assertEquals("ActivationCode[hidden]", code.toString());
    }
}
