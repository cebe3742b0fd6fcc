package be.leerid.school;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import be.leerid.identifiers.SchoolRole;
import org.junit.jupiter.api.Test;

class ConsoleAccessTest {

    private static final String S = "012345";
    private static final HelpdeskGrant GRANT = new HelpdeskGrant(S, "coordinator-id");

    @Test
    void coordinatorsAndSchoolLeadersManage() {
        assertEquals(Optional.of(ConsoleRight.MANAGE), ConsoleAccess.at(S, true, true, Set.of(SchoolRole.ICT_COORDINATOR), List.of(), id -> false));
        assertEquals(Optional.of(ConsoleRight.MANAGE), ConsoleAccess.at(S, true, true, Set.of(SchoolRole.SCHOOL_LEADER), List.of(), id -> false));
    }

    @Test
    void aTeacherHasNoRightWithoutAGrant() {
        assertEquals(Optional.empty(), ConsoleAccess.at(S, true, true, Set.of(SchoolRole.TEACHER), List.of(), id -> true));
    }

    @Test
    void aGrantGivesTheHelpdeskRightWhileItsGrantorStillManages() {
        assertEquals(Optional.of(ConsoleRight.HELPDESK), ConsoleAccess.at(S, true, true, Set.of(SchoolRole.TEACHER), List.of(GRANT), "coordinator-id"::equals));
        assertEquals(Optional.empty(), ConsoleAccess.at(S, true, true, Set.of(SchoolRole.TEACHER), List.of(GRANT), id -> false), "grantor left");
        assertEquals(Optional.empty(), ConsoleAccess.at("067890", true, true, Set.of(), List.of(GRANT), id -> true), "grant of another school");
    }

    @Test
    void leaversAndPeopleNotAtTheSchoolHaveNoRight() {
        assertEquals(Optional.empty(), ConsoleAccess.at(S, false, true, Set.of(SchoolRole.ICT_COORDINATOR), List.of(), id -> true));
        assertEquals(Optional.empty(), ConsoleAccess.at(S, true, false, Set.of(SchoolRole.ICT_COORDINATOR), List.of(GRANT), id -> true));
    }

    @Test
    void helpdeskCannotDelegate() {
        assertEquals(false, ConsoleRight.HELPDESK.mayDelegate());
        assertEquals(true, ConsoleRight.MANAGE.mayDelegate());
    }

    @Test
    void grantsRoundTrip() {
        assertEquals(Optional.of(GRANT), HelpdeskGrant.parse(GRANT.value()));
        assertEquals(Optional.empty(), HelpdeskGrant.parse("012345"));
        assertEquals(Optional.empty(), HelpdeskGrant.parse("/x"));
        assertEquals(Optional.empty(), HelpdeskGrant.parse("x/"));
    }
}
