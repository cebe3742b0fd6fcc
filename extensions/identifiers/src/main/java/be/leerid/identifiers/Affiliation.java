package be.leerid.identifiers;

import java.util.List;
import java.util.Set;

/** eduPersonAffiliation values LeerID gives (the register decides which), as services receive them. */
public final class Affiliation {

    public static final String STUDENT = "student";
    public static final String FACULTY = "faculty";
    public static final String STAFF = "staff";
    public static final String EMPLOYEE = "employee";
    public static final String MEMBER = "member";

    /** What every learner is. */
    public static final List<String> LEARNER = List.of(STUDENT, MEMBER);
    /** Affiliations that make someone school staff (never together with {@link #STUDENT}). */
    public static final Set<String> OF_STAFF = Set.of(FACULTY, STAFF, EMPLOYEE);
    /** Affiliations a school role gives ({@link SchoolRole#affiliation()}): they belong to the schools of those roles. */
    public static final Set<String> OF_ROLES = Set.of(FACULTY, STAFF);

    private Affiliation() {
    }

    /** Staff of a school by the register's affiliations: faculty, staff or employee, and never a learner. */
    public static boolean isStaff(List<String> affiliations) {
        return affiliations != null && !affiliations.contains(STUDENT) && affiliations.stream().anyMatch(OF_STAFF::contains);
    }
}
