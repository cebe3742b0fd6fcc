package be.leerid.identifiers;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What the registers say about a person, as far as claims are concerned. No Keycloak types: the
 * adapters read it from a Keycloak user's attributes with {@link #fromAttributes}.
 *
 * <p>{@code places} holds the person's place at each of {@code schools}, in the same order; {@code grade} and
 * {@code schoolClass} are the first place's. A service sees the record {@link #atSchools restricted} to the
 * schools that activated it.
 */
public record PersonRecord(String leerid, String givenName, String familyName, List<String> affiliations,
                           List<String> schools, List<String> entitlements, String grade, String schoolClass,
                           List<SchoolPlace> places) {

    public PersonRecord {
        affiliations = List.copyOf(Objects.requireNonNullElse(affiliations, List.of()));
        schools = List.copyOf(Objects.requireNonNullElse(schools, List.of()));
        entitlements = List.copyOf(Objects.requireNonNullElse(entitlements, List.of()));
        places = List.copyOf(Objects.requireNonNullElse(places, List.of()));
    }

    /** A record whose only place with grade and class is its first school (no roles). */
    public PersonRecord(String leerid, String givenName, String familyName, List<String> affiliations, List<String> schools,
                        List<String> entitlements, String grade, String schoolClass) {
        this(leerid, givenName, familyName, affiliations, schools, entitlements, grade, schoolClass,
                placesOf(schools, grade, schoolClass, List.of(), List.of()));
    }

    /**
     * @param attribute looks up a user attribute's values by name (never null; empty when absent)
     */
    public static PersonRecord fromAttributes(String givenName, String familyName, Function<String, List<String>> attribute) {
        List<String> schools = attribute.apply(UserAttributes.SCHOOL);
        String grade = first(attribute.apply(UserAttributes.GRADE));
        String schoolClass = first(attribute.apply(UserAttributes.CLASS));
        return new PersonRecord(first(attribute.apply(UserAttributes.LEERID)), givenName, familyName,
                attribute.apply(UserAttributes.AFFILIATION), schools, attribute.apply(UserAttributes.ENTITLEMENT), grade,
                schoolClass, placesOf(schools, grade, schoolClass, attribute.apply(UserAttributes.ENROLMENT),
                        attribute.apply(UserAttributes.SCHOOL_ROLE)));
    }

    /**
     * The record as a service used by these schools only may see it: their places, their schools, the first
     * one's grade and class, and no school role's affiliation that comes from another school.
     */
    public PersonRecord atSchools(Predicate<String> school) {
        List<SchoolPlace> kept = places.stream().filter(place -> school.test(place.school())).toList();
        if (kept.size() == places.size()) {
            return this;
        }
        List<String> keptAffiliations = affiliations.stream()
                .filter(a -> !Affiliation.OF_ROLES.contains(a) || kept.stream().anyMatch(place -> place.gives(a)))
                .toList();
        SchoolPlace firstKept = kept.isEmpty() ? null : kept.get(0);
        return new PersonRecord(leerid, givenName, familyName, keptAffiliations, kept.stream().map(SchoolPlace::school).toList(),
                entitlements, firstKept == null ? null : firstKept.grade(), firstKept == null ? null : firstKept.schoolClass(), kept);
    }

    public boolean isStaff() {
        return Affiliation.isStaff(affiliations);
    }

    /** A learner: a student affiliation and no staff one (a teacher who also studies is staff). */
    public boolean isLearner() {
        return affiliations.contains(Affiliation.STUDENT) && !isStaff();
    }

    public boolean hasLeerid() {
        return leerid != null && !leerid.isBlank();
    }

    /**
     * One place per school: grade and class from the school's enrolment value (or, for an account synced before
     * enrolments were kept per school, the single grade and class at its first school), roles from the
     * {@value UserAttributes#SCHOOL_ROLE} values at that school.
     */
    private static List<SchoolPlace> placesOf(List<String> schools, String grade, String schoolClass, List<String> enrolments,
                                              List<String> schoolRoles) {
        if (schools == null || schools.isEmpty()) {
            return List.of();
        }
        List<SchoolPlace> places = new ArrayList<>(schools.size());
        for (String school : schools) {
            String[] enrolment = enrolmentAt(school, enrolments);
            if (enrolment == null && places.isEmpty() && (enrolments == null || enrolments.isEmpty())) {
                enrolment = new String[] {school, grade, schoolClass};
            }
            places.add(new SchoolPlace(school, enrolment == null ? null : enrolment[1], enrolment == null ? null : enrolment[2],
                    rolesAt(school, schoolRoles)));
        }
        return places;
    }

    private static String[] enrolmentAt(String school, List<String> enrolments) {
        if (enrolments != null) {
            for (String value : enrolments) {
                String[] parsed = SchoolPlace.parseEnrolment(value);
                if (parsed != null && parsed[0].equals(school)) {
                    return parsed;
                }
            }
        }
        return null;
    }

    private static List<SchoolRole> rolesAt(String school, List<String> schoolRoles) {
        if (schoolRoles == null || schoolRoles.isEmpty()) {
            return List.of();
        }
        List<SchoolRole> roles = new ArrayList<>(2);
        for (String value : schoolRoles) {
            int at = value.lastIndexOf('@');
            if (at > 0 && value.regionMatches(at + 1, school, 0, school.length()) && value.length() == at + 1 + school.length()) {
                SchoolRole.of(value.substring(0, at)).filter(role -> !roles.contains(role)).ifPresent(roles::add);
            }
        }
        return roles;
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
