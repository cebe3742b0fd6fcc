package be.leerid.identifiers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The claims LeerID can release, with their OIDC claim name and SAML attribute (NameFormat uri).
 *
 * <p>This is the one source of truth for both protocols: the OIDC and SAML mappers ask a claim for
 * its values, so a service sees the same facts whichever protocol it speaks.
 */
public enum Claim {

    LEERID("leerid", "urn:oasis:names:tc:SAML:attribute:subject-id", "subject-id"),
    AFFILIATION("eduperson_affiliation", "urn:oid:1.3.6.1.4.1.5923.1.1.1.1", "eduPersonAffiliation"),
    SCOPED_AFFILIATION("eduperson_scoped_affiliation", "urn:oid:1.3.6.1.4.1.5923.1.1.1.9", "eduPersonScopedAffiliation"),
    ORGCODE("ov_orgcode", "urn:oid:1.3.6.1.4.1.25178.1.2.9", "schacHomeOrganization"),
    ENTITLEMENT("eduperson_entitlement", "urn:oid:1.3.6.1.4.1.5923.1.1.1.7", "eduPersonEntitlement"),
    GRADE("leerid_grade", "urn:be:leerid:attribute:leerid_grade", "leeridGrade"),
    CLASS("leerid_class", "urn:be:leerid:attribute:leerid_class", "leeridClass"),
    GIVEN_NAME("given_name", "urn:oid:2.5.4.42", "givenName"),
    FAMILY_NAME("family_name", "urn:oid:2.5.4.4", "sn");

    private final String oidcName;
    private final String samlName;
    private final String samlFriendlyName;

    Claim(String oidcName, String samlName, String samlFriendlyName) {
        this.oidcName = oidcName;
        this.samlName = samlName;
        this.samlFriendlyName = samlFriendlyName;
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

    /** Whether the claim holds several values (a JSON array in OIDC). */
    public boolean multivalued() {
        return this == AFFILIATION || this == SCOPED_AFFILIATION || this == ORGCODE || this == ENTITLEMENT;
    }

    /** Asked by every claim mapper for every token and userinfo call (JFR: 0.5 % of a userinfo call as a scan). */
    private static final Map<String, Claim> BY_OIDC_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Claim::oidcName, Function.identity()));

    public static Optional<Claim> byOidcName(String name) {
        return Optional.ofNullable(name == null ? null : BY_OIDC_NAME.get(name));
    }

    /**
     * @param person the person's register record
     * @param scope  LeerID's security domain, e.g. {@code leerid.be}; schools get {@code <orgcode>.<scope>}
     * @return the claim's values as an OIDC service sees them; empty when the person has none
     */
    public List<String> oidcValues(PersonRecord person, String scope) {
        return switch (this) {
            case LEERID -> single(person.leerid());
            case AFFILIATION -> person.affiliations();
            case SCOPED_AFFILIATION -> scopedAffiliations(person, scope);
            case ORGCODE -> person.schools();
            case ENTITLEMENT -> person.entitlements();
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

    private static List<String> scopedAffiliations(PersonRecord person, String scope) {
        List<String> scoped = new ArrayList<>();
        for (String affiliation : person.affiliations()) {
            if (person.schools().isEmpty()) {
                scoped.add(affiliation + "@" + scope);
            }
            for (String school : person.schools()) {
                scoped.add(affiliation + "@" + school + "." + scope);
            }
        }
        return scoped;
    }

    private static List<String> single(String value) {
        return value == null || value.isBlank() ? List.of() : List.of(value);
    }
}
