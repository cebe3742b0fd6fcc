package be.leerid.identifiers;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * What the registers say about a person, as far as claims are concerned. No Keycloak types: the
 * adapters read it from a Keycloak user's attributes with {@link #fromAttributes}.
 */
public record PersonRecord(String leerid, String givenName, String familyName, List<String> affiliations,
                           List<String> schools, List<String> entitlements, String grade, String schoolClass) {

    /** User attribute names, as declared in the realm's user profile. */
    public static final String LEERID = "leerid";
    public static final String AFFILIATION = "affiliation";
    public static final String SCHOOL = "school";
    public static final String ENTITLEMENT = "entitlement";
    public static final String GRADE = "grade";
    public static final String CLASS = "class";
    /** Staff records only: the staff register's id, and the keyed hash of the national register number. */
    public static final String STAFF_ID = "staff_id";
    public static final String NRN_HASH = "nrn_hash";

    private static final Set<String> STAFF_AFFILIATIONS = Set.of("faculty", "staff", "employee");

    public PersonRecord {
        affiliations = List.copyOf(Objects.requireNonNullElse(affiliations, List.of()));
        schools = List.copyOf(Objects.requireNonNullElse(schools, List.of()));
        entitlements = List.copyOf(Objects.requireNonNullElse(entitlements, List.of()));
    }

    /**
     * @param attribute looks up a user attribute's values by name (never null; empty when absent)
     */
    public static PersonRecord fromAttributes(String givenName, String familyName, Function<String, List<String>> attribute) {
        return new PersonRecord(first(attribute.apply(LEERID)), givenName, familyName,
                attribute.apply(AFFILIATION), attribute.apply(SCHOOL), attribute.apply(ENTITLEMENT),
                first(attribute.apply(GRADE)), first(attribute.apply(CLASS)));
    }

    /** Staff of a school by the register's affiliations: faculty, staff or employee, and never a learner. */
    public static boolean isStaff(List<String> affiliations) {
        return affiliations != null && !affiliations.contains("student")
                && affiliations.stream().anyMatch(STAFF_AFFILIATIONS::contains);
    }

    public boolean isStaff() {
        return isStaff(affiliations);
    }

    public boolean hasLeerid() {
        return leerid != null && !leerid.isBlank();
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
