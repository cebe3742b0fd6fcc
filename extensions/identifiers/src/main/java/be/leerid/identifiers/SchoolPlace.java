package be.leerid.identifiers;

import java.util.List;
import java.util.Objects;

/**
 * A person's place at one school, as a service that the school activated may learn it: a learner's grade
 * and class there, a staff member's roles there. Grade and class are null when the register gives none.
 */
public record SchoolPlace(String school, String grade, String schoolClass, List<SchoolRole> roles) {

    public SchoolPlace {
        Objects.requireNonNull(school, "school");
        roles = List.copyOf(Objects.requireNonNullElse(roles, List.of()));
    }

    /** The {@value UserAttributes#ENROLMENT} value of a learner's enrolment: {@code <school>:<grade>:<class>}. */
    public static String enrolmentValue(String school, String grade, String schoolClass) {
        return school + ":" + Objects.requireNonNullElse(grade, "") + ":" + Objects.requireNonNullElse(schoolClass, "");
    }

    /**
     * Reads an {@value UserAttributes#ENROLMENT} value; the class is the rest after the second colon, so it may
     * hold colons itself (a school number and the register's grades hold none).
     *
     * @return null for a value that is not of the form {@code <school>:<grade>:<class>}
     */
    static String[] parseEnrolment(String value) {
        int first = value.indexOf(':');
        int second = first < 0 ? -1 : value.indexOf(':', first + 1);
        if (first <= 0 || second < 0) {
            return null;
        }
        return new String[] {value.substring(0, first), blankToNull(value.substring(first + 1, second)),
                blankToNull(value.substring(second + 1))};
    }

    /** The affiliations this place gives: what the person is at this school (a role's, or a learner's). */
    boolean gives(String affiliation) {
        if (!Affiliation.OF_ROLES.contains(affiliation)) {
            return true;
        }
        return roles.stream().anyMatch(role -> role.affiliation().equals(affiliation));
    }

    private static String blankToNull(String value) {
        return value.isBlank() ? null : value;
    }
}
