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
        DesiredAccount account = DesiredAccount.of(mover, TODAY, EnrolmentGrace.DEFAULT, nrn -> "hash");
        assertTrue(account.active());
        assertEquals(List.of("067890"), account.attributes().get(UserAttributes.SCHOOL));
        assertEquals(List.of("6C"), account.attributes().get(UserAttributes.CLASS));
    }

    @Test
    void aLeaverIsInactiveOnceTheGraceHasPassed() {
        RegisterRecord.Learner leaver = new RegisterRecord.Learner("50000002", "Bram", "Baert", LocalDate.of(2010, 1, 1),
                List.of(new Enrolment("012345", "6", "6A", LocalDate.of(2020, 9, 1), TODAY.minusDays(30))));
        assertFalse(DesiredAccount.of(leaver, TODAY, EnrolmentGrace.DEFAULT, nrn -> "hash").active());
        assertTrue(DesiredAccount.of(leaver, TODAY.minusDays(1), EnrolmentGrace.DEFAULT, nrn -> "hash").active());
    }

    @Test
    void overTheSummerALearnerStaysAMemberWithoutSchoolUntilTheEndOfSeptember() {
        RegisterRecord.Learner pupil = new RegisterRecord.Learner("50000004", "Mila", "Claes", LocalDate.of(2015, 3, 1), List.of(
                new Enrolment("012345", "6", "6B", LocalDate.of(2021, 9, 1), LocalDate.of(2027, 6, 30)),
                new Enrolment("067890", "1", "1A", LocalDate.of(2027, 9, 1), null)));
        RegisterRecord.Learner noNewSchoolYet = new RegisterRecord.Learner("50000005", "Lars", "Claes", LocalDate.of(2015, 3, 1), List.of(
                new Enrolment("012345", "6", "6B", LocalDate.of(2021, 9, 1), LocalDate.of(2027, 6, 30))));

        DesiredAccount july = DesiredAccount.of(noNewSchoolYet, LocalDate.of(2027, 7, 15), EnrolmentGrace.DEFAULT, nrn -> "hash");
        assertEquals(Standing.BETWEEN_SCHOOLS, noNewSchoolYet.standingOn(LocalDate.of(2027, 7, 15), EnrolmentGrace.DEFAULT));
        assertTrue(july.active());
        assertEquals(java.util.Set.of(UserAttributes.LEERID, UserAttributes.AFFILIATION, UserAttributes.BIRTHDATE, UserAttributes.MEMBER_UNTIL),
                july.attributes().keySet(), "no school, grade, class or enrolment between schools");
        assertEquals(List.of("2027-09-30"), july.attributes().get(UserAttributes.MEMBER_UNTIL));
        assertEquals(List.of("member"), july.attributes().get(UserAttributes.AFFILIATION));
        assertEquals(Standing.BETWEEN_SCHOOLS, noNewSchoolYet.standingOn(LocalDate.of(2027, 9, 30), EnrolmentGrace.DEFAULT));
        assertEquals(Standing.LEFT, noNewSchoolYet.standingOn(LocalDate.of(2027, 10, 1), EnrolmentGrace.DEFAULT));
        assertFalse(DesiredAccount.of(noNewSchoolYet, LocalDate.of(2027, 10, 1), EnrolmentGrace.DEFAULT, nrn -> "hash").active());

        assertEquals(Standing.BETWEEN_SCHOOLS, pupil.standingOn(LocalDate.of(2027, 7, 15), EnrolmentGrace.DEFAULT));
        DesiredAccount september = DesiredAccount.of(pupil, LocalDate.of(2027, 9, 1), EnrolmentGrace.DEFAULT, nrn -> "hash");
        assertEquals(List.of("067890"), september.attributes().get(UserAttributes.SCHOOL));
        assertEquals(List.of("student", "member"), september.attributes().get(UserAttributes.AFFILIATION));
    }

    @Test
    void outsideTheSummerTheGraceIsThirtyDaysOrAsConfigured() {
        RegisterRecord.Learner pupil = new RegisterRecord.Learner("50000006", "Jens", "Maes", LocalDate.of(2014, 3, 1), List.of(
                new Enrolment("012345", "5", "5A", LocalDate.of(2021, 9, 1), LocalDate.of(2026, 11, 10))));
        assertEquals(Standing.BETWEEN_SCHOOLS, pupil.standingOn(LocalDate.of(2026, 12, 9), EnrolmentGrace.DEFAULT));
        assertEquals(Standing.LEFT, pupil.standingOn(LocalDate.of(2026, 12, 10), EnrolmentGrace.DEFAULT));
        assertEquals(Standing.LEFT, pupil.standingOn(LocalDate.of(2026, 11, 10), new EnrolmentGrace(0, null)));
        EnrolmentGrace noSummer = new EnrolmentGrace(30, null);
        assertEquals(LocalDate.of(2027, 7, 30), noSummer.leaverFrom(LocalDate.of(2027, 6, 30)));
        assertEquals(LocalDate.of(2027, 10, 1), EnrolmentGrace.DEFAULT.leaverFrom(LocalDate.of(2027, 6, 30)));
        assertEquals(LocalDate.of(2027, 10, 1), EnrolmentGrace.DEFAULT.leaverFrom(LocalDate.of(2027, 9, 1)), "last day 31 August");
        assertEquals(LocalDate.of(2027, 10, 2), EnrolmentGrace.DEFAULT.leaverFrom(LocalDate.of(2027, 9, 2)), "last day 1 September: 30 days");
        assertThrows(IllegalArgumentException.class, () -> new EnrolmentGrace(-1, null));
    }

    @Test
    void staffBetweenSchoolsKeepTheirStaffIdButNoRoleOrEntitlement() {
        RegisterRecord.Staff staff = new RegisterRecord.Staff("E2", "85073003328", "Jan", "Peeters", List.of(
                new Assignment("012345", SchoolRole.TEACHER, LocalDate.of(2019, 9, 1), TODAY.minusDays(3))));
        DesiredAccount account = DesiredAccount.of(staff, TODAY, EnrolmentGrace.DEFAULT, nrn -> "hashed");
        assertTrue(account.active());
        assertEquals(List.of("member"), account.attributes().get(UserAttributes.AFFILIATION));
        assertEquals(List.of("E2"), account.attributes().get(UserAttributes.STAFF_ID));
        assertEquals(List.of("hashed"), account.attributes().get(UserAttributes.NRN_HASH));
        assertFalse(account.attributes().containsKey(UserAttributes.SCHOOL_ROLE));
        assertFalse(account.attributes().containsKey(UserAttributes.ENTITLEMENT));
        assertFalse(account.attributes().containsKey(UserAttributes.SCHOOL));
    }

    @Test
    void staffKeepOnlyTheHashOfTheirNationalRegisterNumber() {
        RegisterRecord.Staff staff = new RegisterRecord.Staff("E1", "85073003328", "An", "Wouters", List.of(
                new Assignment("012345", SchoolRole.TEACHER, LocalDate.of(2019, 9, 1), null),
                new Assignment("067890", SchoolRole.ICT_COORDINATOR, LocalDate.of(2019, 9, 1), null)));
        DesiredAccount account = DesiredAccount.of(staff, TODAY, EnrolmentGrace.DEFAULT, nrn -> "hashed-" + nrn.length());
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
        assertFalse(DesiredAccount.of(learner, TODAY, EnrolmentGrace.DEFAULT, nrn -> "hash").attributes().containsKey(UserAttributes.ENTITLEMENT));
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
