package be.leerid.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import be.leerid.identifiers.SchoolRole;
import be.leerid.identifiers.UserAttributes;

import org.junit.jupiter.api.Test;

class DesiredAccountTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void aMoverHasOnlyTheNewSchool() {
        RegisterRecord.Learner mover = new RegisterRecord.Learner("50000001", "Fien", "Dewulf", LocalDate.of(2014, 5, 6), List.of(
                new Enrolment("012345", "6", "6A", LocalDate.of(2025, 9, 1), TODAY),
                new Enrolment("067890", "6", "6C", TODAY, null)));
        DesiredAccount account = DesiredAccount.of(mover, TODAY, nrn -> "hash");
        assertTrue(account.active());
        assertEquals(List.of("067890"), account.attributes().get(UserAttributes.SCHOOL));
        assertEquals(List.of("6C"), account.attributes().get(UserAttributes.CLASS));
    }

    @Test
    void aLeaverIsInactive() {
        RegisterRecord.Learner leaver = new RegisterRecord.Learner("50000002", "Bram", "Baert", LocalDate.of(2010, 1, 1),
                List.of(new Enrolment("012345", "6", "6A", LocalDate.of(2020, 9, 1), TODAY)));
        assertFalse(DesiredAccount.of(leaver, TODAY, nrn -> "hash").active());
    }

    @Test
    void staffKeepOnlyTheHashOfTheirNationalRegisterNumber() {
        RegisterRecord.Staff staff = new RegisterRecord.Staff("E1", "85073003328", "An", "Wouters", List.of(
                new Assignment("012345", SchoolRole.TEACHER, LocalDate.of(2019, 9, 1), null),
                new Assignment("067890", SchoolRole.ICT_COORDINATOR, LocalDate.of(2019, 9, 1), null)));
        DesiredAccount account = DesiredAccount.of(staff, TODAY, nrn -> "hashed-" + nrn.length());
        assertEquals("S-E1", account.leerid());
        assertEquals(List.of("hashed-11"), account.attributes().get(UserAttributes.NRN_HASH));
        assertFalse(account.attributes().toString().contains("85073003328"));
        assertFalse(staff.toString().contains("85073003328"));
        assertEquals(List.of("faculty", "staff", "employee", "member"), account.attributes().get(UserAttributes.AFFILIATION));
        assertEquals(List.of("teacher@012345", "ict-coordinator@067890"), account.attributes().get(UserAttributes.SCHOOL_ROLE));
        assertEquals(List.of("urn:mace:leerid.be:entitlement:archief"), account.attributes().get(UserAttributes.ENTITLEMENT));
    }

    @Test
    void learnersGetNoArchiveEntitlement() {
        RegisterRecord.Learner learner = new RegisterRecord.Learner("50000003", "Lien", "Smet", LocalDate.of(2012, 5, 1),
                List.of(new Enrolment("012345", "5", "5B", LocalDate.of(2020, 9, 1), null)));
        assertFalse(DesiredAccount.of(learner, TODAY, nrn -> "hash").attributes().containsKey(UserAttributes.ENTITLEMENT));
    }

    @Test
    void guardAllowsUpToTheShareUnlessForced() {
        DisableGuard guard = new DisableGuard(0.05);
        assertTrue(guard.allows(5, 100, false));
        assertFalse(guard.allows(6, 100, false));
        assertTrue(guard.allows(100, 100, true));
        assertFalse(guard.allows(1, 1, false));
        assertThrows(IllegalArgumentException.class, () -> new DisableGuard(1.5));
    }

    @Test
    void retentionCutoff() {
        assertEquals(LocalDate.of(2025, 11, 23), new RetentionPolicy(365).cutoff(TODAY));
        assertThrows(IllegalArgumentException.class, () -> new RetentionPolicy(-1));
    }

    @Test
    void usernamesAreTypableAndCarryTheSuffix() {
        assertEquals("zoe.vandenbroeck.k3fq", Usernames.of("Zoë", "Van den Broeck", "k3fq"));
        assertEquals("x.elamrani.abcd", Usernames.of("!!", "El Amrani", "abcd"));
    }
}
