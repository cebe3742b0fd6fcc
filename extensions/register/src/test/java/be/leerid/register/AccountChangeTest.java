package be.leerid.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import be.leerid.identifiers.UserAttributes;
import org.junit.jupiter.api.Test;

class AccountChangeTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static DesiredAccount fien(String school, String schoolClass) {
        RegisterRecord.Learner fien = new RegisterRecord.Learner("50000001", "Fien", "Dewulf", LocalDate.of(2014, 5, 6),
                List.of(new Enrolment(school, "6", schoolClass, LocalDate.of(2025, 9, 1), null)));
        return DesiredAccount.of(fien, TODAY, EnrolmentGrace.DEFAULT, nrn -> "hash");
    }

    private static AccountChange.Stored stored(boolean enabled, String givenName, DesiredAccount as) {
        return new AccountChange.Stored(enabled, givenName, as.familyName(), new HashMap<>(as.attributes()));
    }

    @Test
    void anAccountThatMatchesTheRegisterNeedsNoChange() {
        DesiredAccount fien = fien("012345", "6A");
        assertTrue(AccountChange.between(stored(true, "Fien", fien), fien).isNone());
    }

    @Test
    void theSameValuesInAnotherOrderAreNoChange() {
        DesiredAccount staff = new DesiredAccount("90000001", "An", "Peeters", true,
                Map.of(UserAttributes.AFFILIATION, List.of("staff", "employee", "member")));
        AccountChange.Stored stored = new AccountChange.Stored(true, "An", "Peeters",
                Map.of(UserAttributes.AFFILIATION, List.of("member", "staff", "employee")));
        assertTrue(AccountChange.between(stored, staff).isNone());
    }

    @Test
    void aMoveReplacesOnlyTheAttributesThatDiffer() {
        DesiredAccount before = fien("012345", "6A");
        DesiredAccount after = fien("067890", "6A");
        AccountChange change = AccountChange.between(stored(true, "Fien", before), after);
        assertFalse(change.enable());
        assertFalse(change.rename());
        assertEquals(Set.of(UserAttributes.SCHOOL, UserAttributes.ENROLMENT), change.replaced().keySet());
        assertEquals(List.of("067890"), change.replaced().get(UserAttributes.SCHOOL));
        assertTrue(change.removed().isEmpty());
    }

    @Test
    void anAttributeTheRowNoLongerGivesIsRemovedAndOthersAreLeftAlone() {
        DesiredAccount fien = fien("012345", "6A");
        Map<String, List<String>> attributes = new HashMap<>(fien.attributes());
        attributes.put(UserAttributes.MEMBER_UNTIL, List.of("2026-09-30"));
        attributes.put(UserAttributes.BADGE, List.of("not the register's"));
        AccountChange change = AccountChange.between(new AccountChange.Stored(true, "Fien", "Dewulf", attributes), fien);
        assertEquals(Set.of(UserAttributes.MEMBER_UNTIL), change.removed());
        assertTrue(change.replaced().isEmpty());
    }

    @Test
    void aReturningLeaverIsEnabledAndLosesTheDayTheyLeft() {
        DesiredAccount fien = fien("012345", "6A");
        Map<String, List<String>> attributes = new HashMap<>(fien.attributes());
        attributes.put(UserAttributes.LEFT_ON, List.of("2026-06-30"));
        AccountChange change = AccountChange.between(new AccountChange.Stored(false, "Fien", "Dewulf", attributes), fien);
        assertTrue(change.enable());
        assertEquals(Set.of(UserAttributes.LEFT_ON), change.removed());
    }

    @Test
    void aNewNameIsARename() {
        DesiredAccount fien = fien("012345", "6A");
        AccountChange change = AccountChange.between(stored(true, "Fientje", fien), fien);
        assertTrue(change.rename());
        assertFalse(change.isNone());
    }

    @Test
    void aLeaverIsNotChangedHere() {
        DesiredAccount leaver = new DesiredAccount("50000002", "Bram", "Baert", false, Map.of());
        assertThrows(IllegalArgumentException.class,
                () -> AccountChange.between(new AccountChange.Stored(true, "Bram", "Baert", Map.of()), leaver));
    }
}
