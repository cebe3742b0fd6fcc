package be.leerid.identifiers;

import java.util.Arrays;
import java.util.Optional;

/** Roles a staff member has at a school, as the staff register and the {@value UserAttributes#SCHOOL_ROLE} attribute spell them. */
public enum SchoolRole {

    TEACHER("teacher", Affiliation.FACULTY),
    SCHOOL_LEADER("school-leader", Affiliation.STAFF),
    ICT_COORDINATOR("ict-coordinator", Affiliation.STAFF);

    private final String value;
    private final String affiliation;

    SchoolRole(String value, String affiliation) {
        this.value = value;
        this.affiliation = affiliation;
    }

    /** As the feed and the user attribute spell it. */
    public String value() {
        return value;
    }

    /** The eduPersonAffiliation this role gives. */
    public String affiliation() {
        return affiliation;
    }

    /** The {@value UserAttributes#SCHOOL_ROLE} value for this role at a school: {@code ict-coordinator@012345}. */
    public String at(String school) {
        return value + "@" + school;
    }

    public static Optional<SchoolRole> of(String value) {
        return Arrays.stream(values()).filter(r -> r.value.equals(value)).findFirst();
    }
}
