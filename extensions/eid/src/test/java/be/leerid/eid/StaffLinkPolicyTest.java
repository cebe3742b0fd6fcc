package be.leerid.eid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import be.leerid.eid.StaffLinkPolicy.Refusal;
import org.junit.jupiter.api.Test;

class StaffLinkPolicyTest {

    private static final StaffAccount TEACHER = new StaffAccount("u1", true, "E1", List.of("faculty", "employee", "member"));
    private static final StaffAccount LEAVER = new StaffAccount("u2", false, "E2", List.of("faculty", "employee", "member"));
    private static final StaffAccount LEARNER = new StaffAccount("u3", true, null, List.of("student", "member"));

    @Test
    void oneActiveStaffRecordIsLinked() {
        assertEquals("u1", StaffLinkPolicy.decide(List.of(TEACHER)).account().id());
        assertEquals("u1", StaffLinkPolicy.decide(List.of(LEARNER, TEACHER)).account().id());
    }

    @Test
    void nobodyOrOnlyLearnersIsNotStaff() {
        assertEquals(Refusal.NOT_STAFF, StaffLinkPolicy.decide(List.of()).refusal());
        assertEquals(Refusal.NOT_STAFF, StaffLinkPolicy.decide(List.of(LEARNER)).refusal());
        // A staff id on a learner account does not make it staff.
        StaffAccount odd = new StaffAccount("u4", true, "E4", List.of("student", "faculty"));
        assertEquals(Refusal.NOT_STAFF, StaffLinkPolicy.decide(List.of(odd)).refusal());
        assertEquals(Refusal.NOT_STAFF, StaffLinkPolicy.recheck(LEARNER).refusal());
    }

    @Test
    void leaversAndDuplicatesAreRefused() {
        assertEquals(Refusal.LEFT, StaffLinkPolicy.decide(List.of(LEAVER)).refusal());
        assertEquals(Refusal.LEFT, StaffLinkPolicy.recheck(LEAVER).refusal());
        assertEquals(Refusal.AMBIGUOUS, StaffLinkPolicy.decide(List.of(TEACHER, LEAVER)).refusal());
    }

    @Test
    void assuranceLevels() {
        Assurance assurance = Assurance.of("urn:be:vlaanderen:authmech:eid, urn:be:vlaanderen:authmech:itsme");
        assertEquals(Assurance.EID_LEVEL, assurance.level("urn:be:vlaanderen:authmech:eid"));
        assertEquals(Assurance.EID_LEVEL, assurance.level("urn:be:vlaanderen:authmech:itsme"));
        assertEquals(Assurance.PASSWORD_LEVEL, assurance.level("urn:be:vlaanderen:authmech:sms"));
        assertEquals(Assurance.PASSWORD_LEVEL, assurance.level(null));
        assertThrows(IllegalArgumentException.class, () -> Assurance.of(" , "));
        assertTrue(StaffLinkPolicy.decide(List.of(TEACHER)).allowed());
    }
}
