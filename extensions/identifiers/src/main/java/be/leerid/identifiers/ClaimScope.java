package be.leerid.identifiers;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * LeerID's client scopes: a service is approved for a claim by being given the scope that holds it,
 * once per protocol. {@link Claim} says which scope each claim belongs to; the realm test checks the
 * realm's scopes against this list.
 */
public enum ClaimScope {

    /** The pairwise pseudonym ({@code sub}; SAML NameID and pairwise-id): every LeerID service has it. */
    PSEUDONYM("leerid-pseudonym", "leerid-saml-pairwise-id"),
    AFFILIATION("leerid-affiliation", "leerid-saml-affiliation"),
    SCHOOL("leerid-school", "leerid-saml-school"),
    CLASS("leerid-class", "leerid-saml-class"),
    /** The person's place at each school that activated the service: grade and class, or roles. */
    SCHOOLS("leerid-schools", "leerid-saml-schools"),
    ENTITLEMENT("leerid-entitlement", "leerid-saml-entitlement"),
    NAME("leerid-name", "leerid-saml-name"),
    ID("leerid-id", "leerid-saml-subject-id");

    /** The OIDC scope that says how the person authenticated ({@link LevelOfAssurance}); not personal data. */
    public static final String ACR = "acr";
    /**
     * Keycloak's own scopes, kept for Keycloak's account console only: they release Keycloak's subject and
     * names, so they are never a default or optional scope of a LeerID service.
     */
    public static final Set<String> ACCOUNT_CONSOLE_ONLY = Set.of("basic", "profile", "roles", "web-origins");

    private final String oidcName;
    private final String samlName;

    ClaimScope(String oidcName, String samlName) {
        this.oidcName = oidcName;
        this.samlName = samlName;
    }

    public String oidcName() {
        return oidcName;
    }

    public String samlName() {
        return samlName;
    }

    /** The LeerID scope of that name, in either protocol. */
    public static Optional<ClaimScope> byName(String name) {
        return Arrays.stream(values()).filter(s -> s.oidcName.equals(name) || s.samlName.equals(name)).findFirst();
    }
}
