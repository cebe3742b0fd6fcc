package be.leerid.school.badges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.List;

import be.leerid.school.BadgeCode;
import org.junit.jupiter.api.Test;

class BadgeRulesTest {

    @Test
    void kindergartenAndTheFirstTwoPrimaryGradesUntilTheSchoolChooses() {
        BadgeGrades grades = BadgeGrades.stored(null);
        assertTrue(grades.uses("K1") && grades.uses("K3") && grades.uses("1") && grades.uses("2"));
        assertFalse(grades.uses("3") || grades.uses("S1") || grades.uses(null));
        BadgeGrades none = BadgeGrades.of(List.of());
        assertEquals(none, BadgeGrades.stored(none.storable()), "no grade at all is a choice, not the default");
        assertEquals(BadgeGrades.of(List.of("3", "K2")), BadgeGrades.stored(BadgeGrades.of(List.of(" K2", "3 ")).storable()));
    }

    @Test
    void aBadgeWaitsAfterAsManyFailuresAsThePasswordPolicyAllows() {
        BadgeLockout lockout = new BadgeLockout(5, 60, 900);
        assertFalse(lockout.locked(4, 1_000, 1_001));
        assertTrue(lockout.locked(5, 1_000, 60_999));
        assertFalse(lockout.locked(5, 1_000, 61_000));
        assertTrue(lockout.locked(100, 0, 899_999), "at most the maximum wait");
        assertFalse(lockout.locked(500, 0, 900_000));
    }

    @Test
    void aBadgeCodeHoldsAnIdAndAtLeast128SecretBitsAndReadsForgivingly() {
        BadgeCode code = BadgeCode.random(new SecureRandom());
        assertTrue(BadgeCode.SECRET_BITS >= 128);
        BadgeCode read = BadgeCode.read(" " + code.printed().toLowerCase().replace('-', ' ') + "\n").orElseThrow();
        assertEquals(code.id(), read.id());
        assertEquals(code.secret(), read.secret());
        assertFalse(BadgeCode.read(code.printed() + "0").isPresent());
        assertFalse(code.toString().contains(code.secret()));
    }
}
