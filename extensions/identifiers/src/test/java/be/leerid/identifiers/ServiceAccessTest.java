package be.leerid.identifiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ServiceAccessTest {

    private static PersonRecord person(String... affiliations) {
        return new PersonRecord("1", "A", "B", List.of(affiliations), List.of(), List.of(), null, null);
    }

    /** A learner at two schools: grade 5 class 5B at 012345, grade 1 class 1A at 067890. */
    private static final PersonRecord TWO_SCHOOLS = PersonRecord.fromAttributes("Lotte", "Peeters", name -> Map.of(
            UserAttributes.LEERID, List.of("10000001"),
            UserAttributes.AFFILIATION, List.of("student", "member"),
            UserAttributes.SCHOOL, List.of("012345", "067890"),
            UserAttributes.GRADE, List.of("5"),
            UserAttributes.CLASS, List.of("5B"),
            UserAttributes.ENROLMENT, List.of("012345:5:5B", "067890:1:1A")).getOrDefault(name, List.of()));

    @Test
    void staffServicesAdmitStaffAndNeverLearners() {
        assertEquals(List.of("faculty", "employee", "member"),
                ServiceAccess.STAFF.release(person("faculty", "employee", "member"), s -> false, "c").affiliations());
        assertEquals(SubjectUnavailableException.Reason.STAFF_ONLY, assertThrows(SubjectUnavailableException.class,
                () -> ServiceAccess.STAFF.release(person("student", "member"), s -> true, "c")).reason());
        assertEquals(SubjectUnavailableException.Reason.STAFF_ONLY, assertThrows(SubjectUnavailableException.class,
                () -> ServiceAccess.STAFF.release(person("student", "faculty"), s -> true, "c")).reason());
        assertEquals(SubjectUnavailableException.Reason.STAFF_ONLY, assertThrows(SubjectUnavailableException.class,
                () -> ServiceAccess.STAFF.release(person(), s -> true, "c")).reason());
    }

    @Test
    void openServicesSeeEverySchool() {
        assertSame(TWO_SCHOOLS, ServiceAccess.OPEN.release(TWO_SCHOOLS, s -> false, "c"));
    }

    @Test
    void schoolServicesSeeOnlyTheSchoolsThatActivatedThem() {
        PersonRecord atSecond = ServiceAccess.SCHOOL.release(TWO_SCHOOLS, Set.of("067890")::contains, "c");
        assertEquals(List.of("067890"), atSecond.schools());
        assertEquals("1", atSecond.grade());
        assertEquals("1A", atSecond.schoolClass());
        assertEquals(List.of("student@067890.leerid.be", "member@067890.leerid.be"),
                Claim.SCOPED_AFFILIATION.oidcValues(atSecond, "leerid.be"));
        assertEquals(List.of(Map.of("ov_orgcode", "067890", "leerid_grade", "1", "leerid_class", "1A")),
                Claim.SCHOOLS.oidcClaim(atSecond, "leerid.be"));
        assertEquals(List.of("{\"ov_orgcode\":\"067890\",\"leerid_grade\":\"1\",\"leerid_class\":\"1A\"}"),
                Claim.SCHOOLS.samlValues(atSecond, "leerid.be"));

        PersonRecord atBoth = ServiceAccess.SCHOOL.release(TWO_SCHOOLS, s -> true, "c");
        assertEquals(List.of("012345", "067890"), atBoth.schools());
        assertEquals("5B", atBoth.schoolClass());

        assertEquals(SubjectUnavailableException.Reason.NOT_ACTIVATED, assertThrows(SubjectUnavailableException.class,
                () -> ServiceAccess.SCHOOL.release(TWO_SCHOOLS, s -> false, "c")).reason());
        assertEquals(SubjectUnavailableException.Reason.NOT_ACTIVATED, assertThrows(SubjectUnavailableException.class,
                () -> ServiceAccess.SCHOOL.release(person("faculty", "employee", "member"), s -> true, "c")).reason());
    }

    @Test
    void aStaffMembersRoleReachesOnlyTheServicesOfItsSchool() {
        PersonRecord jan = PersonRecord.fromAttributes("Jan", "Claes", name -> Map.of(
                UserAttributes.LEERID, List.of("20000001"),
                UserAttributes.AFFILIATION, List.of("faculty", "staff", "employee", "member"),
                UserAttributes.SCHOOL, List.of("012345", "067890"),
                UserAttributes.SCHOOL_ROLE, List.of("teacher@012345", "ict-coordinator@067890")).getOrDefault(name, List.of()));
        PersonRecord atFirst = ServiceAccess.SCHOOL.release(jan, "012345"::equals, "c");
        assertEquals(List.of("faculty", "employee", "member"), atFirst.affiliations());
        assertEquals(List.of("faculty@012345.leerid.be", "employee@012345.leerid.be", "member@012345.leerid.be"),
                Claim.SCOPED_AFFILIATION.oidcValues(atFirst, "leerid.be"));
        assertEquals(List.of(Map.of("ov_orgcode", "012345", "leerid_roles", List.of("teacher"))),
                Claim.SCHOOLS.oidcClaim(atFirst, "leerid.be"));
        assertEquals(List.of("faculty@012345.leerid.be", "employee@012345.leerid.be", "member@012345.leerid.be",
                        "staff@067890.leerid.be", "employee@067890.leerid.be", "member@067890.leerid.be"),
                Claim.SCOPED_AFFILIATION.oidcValues(ServiceAccess.OPEN.release(jan, s -> false, "c"), "leerid.be"));
    }

    @Test
    void attributeValues() {
        assertEquals(ServiceAccess.SCHOOL, ServiceAccess.of(null));
        assertEquals(ServiceAccess.SCHOOL, ServiceAccess.of(" "));
        assertEquals(ServiceAccess.STAFF, ServiceAccess.of("Staff"));
        assertEquals(ServiceAccess.OPEN, ServiceAccess.of("open"));
        assertThrows(IllegalArgumentException.class, () -> ServiceAccess.of("everyone"));
    }
}
