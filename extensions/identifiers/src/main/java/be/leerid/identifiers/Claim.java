package be.leerid.identifiers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The claims LeerID can release, with their OIDC claim name and SAML attribute (NameFormat uri).
 *
 * <p>This is the one source of truth for both protocols: the OIDC and SAML mappers ask a claim for
 * its values, so a service sees the same facts whichever protocol it speaks. A new claim is one entry
 * here plus its mappers in the realm's scopes (docs/vocabulary.md); the realm test says what is missing.
 */
public enum Claim {

    LEERID("leerid", "urn:oasis:names:tc:SAML:attribute:subject-id", "subject-id", ClaimScope.ID, false),
    AFFILIATION("eduperson_affiliation", "urn:oid:1.3.6.1.4.1.5923.1.1.1.1", "eduPersonAffiliation", ClaimScope.AFFILIATION, true),
    SCOPED_AFFILIATION("eduperson_scoped_affiliation", "urn:oid:1.3.6.1.4.1.5923.1.1.1.9", "eduPersonScopedAffiliation",
            ClaimScope.AFFILIATION, true),
    ORGCODE("ov_orgcode", "urn:oid:1.3.6.1.4.1.25178.1.2.9", "schacHomeOrganization", ClaimScope.SCHOOL, true),
    ENTITLEMENT("eduperson_entitlement", "urn:oid:1.3.6.1.4.1.5923.1.1.1.7", "eduPersonEntitlement", ClaimScope.ENTITLEMENT, true),
    GRADE("leerid_grade", "urn:be:leerid:attribute:leerid_grade", "leeridGrade", ClaimScope.CLASS, false),
    CLASS("leerid_class", "urn:be:leerid:attribute:leerid_class", "leeridClass", ClaimScope.CLASS, false),
    /** One value per school: a JSON object with the school's number and the learner's grade and class or the staff member's roles. */
    SCHOOLS("leerid_schools", "urn:be:leerid:attribute:leerid_schools", "leeridSchools", ClaimScope.SCHOOLS, true),
    GIVEN_NAME("given_name", "urn:oid:2.5.4.42", "givenName", ClaimScope.NAME, false),
    FAMILY_NAME("family_name", "urn:oid:2.5.4.4", "sn", ClaimScope.NAME, false);

    private final String oidcName;
    private final String samlName;
    private final String samlFriendlyName;
    private final ClaimScope scope;
    private final boolean multivalued;

    Claim(String oidcName, String samlName, String samlFriendlyName, ClaimScope scope, boolean multivalued) {
        this.oidcName = oidcName;
        this.samlName = samlName;
        this.samlFriendlyName = samlFriendlyName;
        this.scope = scope;
        this.multivalued = multivalued;
    }

    public String oidcName() {
        return oidcName;
    }

    public String samlName() {
        return samlName;
    }

    public String samlFriendlyName() {
        return samlFriendlyName;
    }

    /** The client scope (one per protocol) that approves a service for this claim. */
    public ClaimScope scope() {
        return scope;
    }

    /** Whether the claim holds several values (a JSON array in OIDC). */
    public boolean multivalued() {
        return multivalued;
    }

    /** The pairwise pseudonym as the release record names it: OIDC's {@code sub}, SAML's NameID and pairwise-id. */
    public static final String SUBJECT_CLAIM = "sub";

    /**
     * The pseudonym a service knew for a person whose register record was merged into this one ({@link FormerSubject}):
     * an OIDC string (an array after several merges), beside {@code sub} in every token but the logout token.
     */
    public static final String FORMER_SUBJECT_CLAIM = "leerid_previous_sub";
    /** {@link #FORMER_SUBJECT_CLAIM} as a SAML attribute (NameFormat uri): the former persistent NameID's value. */
    public static final String FORMER_SUBJECT_SAML = "urn:be:leerid:attribute:leerid_previous_sub";

    /** The keys of a {@link #SCHOOLS} value: the vocabulary's own claim names, plus the staff member's roles. */
    public static final String SCHOOL_ROLES_KEY = "leerid_roles";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Asked by every claim mapper for every token and userinfo call (JFR: 0.5 % of a userinfo call as a scan). */
    private static final Map<String, Claim> BY_OIDC_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Claim::oidcName, Function.identity()));

    public static Optional<Claim> byOidcName(String name) {
        return Optional.ofNullable(name == null ? null : BY_OIDC_NAME.get(name));
    }

    /**
     * The claim as an OIDC token carries it: a string, an array of strings, or for {@link #SCHOOLS} an array of
     * objects; null when the person has no value.
     */
    public Object oidcClaim(PersonRecord person, String scope) {
        if (this == SCHOOLS) {
            return person.places().isEmpty() ? null : person.places().stream().map(Claim::schoolObject).toList();
        }
        List<String> values = oidcValues(person, scope);
        if (values.isEmpty()) {
            return null;
        }
        return multivalued ? values : values.get(0);
    }

    /**
     * @param person the person's register record
     * @param scope  LeerID's security domain, e.g. {@code leerid.be}; schools get {@code <orgcode>.<scope>}
     * @return the claim's values as an OIDC service sees them (for {@link #SCHOOLS}, each object as JSON text: tokens
     *         carry the objects themselves, see {@link #oidcClaim}); empty when the person has none
     */
    public List<String> oidcValues(PersonRecord person, String scope) {
        return switch (this) {
            case LEERID -> single(person.leerid());
            case AFFILIATION -> person.affiliations();
            case SCOPED_AFFILIATION -> scopedAffiliations(person, scope);
            case ORGCODE -> person.schools();
            case ENTITLEMENT -> person.entitlements();
            case SCHOOLS -> person.places().stream().map(place -> json(schoolObject(place))).toList();
            case GRADE -> single(person.grade());
            case CLASS -> single(person.schoolClass());
            case GIVEN_NAME -> single(person.givenName());
            case FAMILY_NAME -> single(person.familyName());
        };
    }

    /** The claim's values as a SAML service sees them: subject-id is scoped, the rest as in OIDC. */
    public List<String> samlValues(PersonRecord person, String scope) {
        if (this == LEERID) {
            return person.leerid() == null ? List.of() : List.of(person.leerid() + "@" + scope);
        }
        return oidcValues(person, scope);
    }

    /** Per school, what the person is there: a role's affiliation only at the school of that role. */
    private static List<String> scopedAffiliations(PersonRecord person, String scope) {
        if (person.places().isEmpty()) {
            return person.affiliations().stream().map(affiliation -> affiliation + "@" + scope).toList();
        }
        List<String> scoped = new ArrayList<>();
        for (SchoolPlace place : person.places()) {
            for (String affiliation : person.affiliations()) {
                if (place.gives(affiliation)) {
                    scoped.add(affiliation + "@" + place.school() + "." + scope);
                }
            }
        }
        return scoped;
    }

    private static Map<String, Object> schoolObject(SchoolPlace place) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put(ORGCODE.oidcName, place.school());
        if (place.grade() != null) {
            object.put(GRADE.oidcName, place.grade());
        }
        if (place.schoolClass() != null) {
            object.put(CLASS.oidcName, place.schoolClass());
        }
        if (!place.roles().isEmpty()) {
            object.put(SCHOOL_ROLES_KEY, place.roles().stream().map(SchoolRole::value).toList());
        }
        return object;
    }

    private static String json(Map<String, Object> object) {
        try {
            return JSON.writeValueAsString(object);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }

    private static List<String> single(String value) {
        return value == null || value.isBlank() ? List.of() : List.of(value);
    }
}
