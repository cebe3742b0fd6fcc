package be.leerid.identifiers;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the registers say about a person, as far as claims are concerned. No Keycloak types: the
 * adapters read it from a Keycloak user's attributes with {@link #fromAttributes}.
 */
public record PersonRecord(String leerid, String givenName, String familyName, List<String> affiliations,
                           List<String> schools, List<String> entitlements, String grade, String schoolClass) {

    public PersonRecord {
        affiliations = List.copyOf(Objects.requireNonNullElse(affiliations, List.of()));
        schools = List.copyOf(Objects.requireNonNullElse(schools, List.of()));
        entitlements = List.copyOf(Objects.requireNonNullElse(entitlements, List.of()));
    }

    /**
     * @param attribute looks up a user attribute's values by name (never null; empty when absent)
     */
    public static PersonRecord fromAttributes(String givenName, String familyName, Function<String, List<String>> attribute) {
        return new PersonRecord(first(attribute.apply(UserAttributes.LEERID)), givenName, familyName,
                attribute.apply(UserAttributes.AFFILIATION), attribute.apply(UserAttributes.SCHOOL),
                attribute.apply(UserAttributes.ENTITLEMENT), first(attribute.apply(UserAttributes.GRADE)),
                first(attribute.apply(UserAttributes.CLASS)));
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

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
