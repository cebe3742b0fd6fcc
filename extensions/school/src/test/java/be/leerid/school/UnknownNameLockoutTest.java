package be.leerid.school;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.leerid.school.UnknownNameLockout.Failures;
import org.junit.jupiter.api.Test;

class UnknownNameLockoutTest {

    /** LeerID's realm: five failures, 60 s per run, at most 900 s, quick check 1 s (60 s), reset after 12 hours. */
    private static final UnknownNameLockout REALM = new UnknownNameLockout(5, 60, 900, 1000, 60, 43_200, false);
    private static final long NOON = 1_780_000_000_000L;

    @Test
    void fiveSlowFailuresWaitOneIncrementFromTheFifth() {
        Failures failures = Failures.NONE;
        for (int i = 0; i < 4; i++) {
            failures = REALM.failed(failures, NOON + i * 10_000L);
            assertFalse(failures.waits(failures.lastFailure() + 1), "waits after " + (i + 1) + " failures");
        }
        failures = REALM.failed(failures, NOON + 40_000L);
        assertEquals(5, failures.count());
        assertTrue(failures.waits(NOON + 40_000L + 59_000L));
        assertFalse(failures.waits(NOON + 40_000L + 60_000L));
    }

    @Test
    void tenFailuresWaitTwoIncrementsAndNeverMoreThanTheMaximum() {
        Failures failures = Failures.NONE;
        for (int i = 0; i < 10; i++) {
            failures = REALM.failed(failures, NOON + i * 10_000L);
        }
        assertEquals(NOON / 1000 + 90 + 120, failures.notBeforeSeconds());
        UnknownNameLockout capped = new UnknownNameLockout(5, 600, 900, 1000, 60, 43_200, false);
        for (int i = 0; i < 10; i++) {
            failures = capped.failed(failures, NOON + (10 + i) * 10_000L);
        }
        assertEquals(NOON / 1000 + 190 + 900, failures.notBeforeSeconds());
    }

    @Test
    void twoQuickFailuresWaitTheQuickLoginMinimum() {
        Failures failures = REALM.failed(REALM.failed(Failures.NONE, NOON), NOON + 300);
        assertTrue(failures.waits(NOON + 59_000L));
        assertFalse(failures.waits(NOON + 61_000L));
    }

    @Test
    void failuresOlderThanTheResetTimeAreForgotten() {
        Failures failures = Failures.NONE;
        for (int i = 0; i < 4; i++) {
            failures = REALM.failed(failures, NOON + i * 10_000L);
        }
        failures = REALM.failed(failures, NOON + 43_200_000L + 40_000L);
        assertEquals(1, failures.count());
        assertFalse(failures.waits(failures.lastFailure() + 1));
    }

    @Test
    void theLinearStrategyWaitsOneIncrementPerFailurePastTheFactor() {
        UnknownNameLockout linear = new UnknownNameLockout(5, 60, 900, 1000, 60, 43_200, true);
        Failures failures = Failures.NONE;
        for (int i = 0; i < 6; i++) {
            failures = linear.failed(failures, NOON + i * 10_000L);
        }
        assertEquals(NOON / 1000 + 50 + 120, failures.notBeforeSeconds());
    }
}
