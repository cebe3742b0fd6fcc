package be.leerid.identifiers.protocol;

import java.util.Arrays;
import java.util.regex.Pattern;

import be.leerid.identifiers.Claim;
import be.leerid.identifiers.SubjectUnavailableException;
import be.leerid.identifiers.models.LeerIdProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperContainerModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.protocol.ProtocolMapperConfigException;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** Config keys shared by LeerID's OIDC and SAML mappers, with their checks. */
public final class MapperConfig {

    /** Which LeerID claim a claim mapper releases (its OIDC claim name). */
    public static final String CLAIM = "leerid.claim";
    /** LeerID's security domain, used in scoped values such as {@code student@012345.leerid.be}. */
    public static final String SCOPE = "leerid.scope";
    public static final String DEFAULT_SCOPE = "leerid.be";

    // SAML V2.0 Subject Identifier Attributes Profile, section 3.2: the scope of a scoped value.
    private static final Pattern SCOPE_SYNTAX = Pattern.compile("^[a-z0-9][a-z0-9.-]{0,126}$");

    private MapperConfig() {
    }

    public static ProviderConfigurationBuilder scopeProperty(ProviderConfigurationBuilder builder) {
        return builder.property().name(SCOPE).label("LeerID scope")
                .helpText("LeerID's security domain, appended to scoped values such as pairwise-id "
                        + "(pseudonym@scope) and eduPersonScopedAffiliation (student@<school>.scope). Lower case, e.g. leerid.be.")
                .type(ProviderConfigProperty.STRING_TYPE).defaultValue(DEFAULT_SCOPE).add();
    }

    public static ProviderConfigurationBuilder claimProperty(ProviderConfigurationBuilder builder) {
        return builder.property().name(CLAIM).label("LeerID claim")
                .helpText("The register fact this mapper releases. Add the mapper to a client scope and assign that "
                        + "scope only to services approved for the claim.")
                .type(ProviderConfigProperty.LIST_TYPE)
                .options(Arrays.stream(Claim.values()).map(Claim::oidcName).toList())
                .add();
    }

    public static String scope(ProtocolMapperModel model) {
        String scope = model.getConfig().get(SCOPE);
        return scope == null || scope.isBlank() ? DEFAULT_SCOPE : scope.strip();
    }

    public static Claim claim(ProtocolMapperModel model) {
        return Claim.byOidcName(model.getConfig().get(CLAIM))
                .orElseThrow(() -> new IllegalStateException("mapper \"" + model.getName() + "\" has no valid " + CLAIM));
    }

    /**
     * A configuration error for the admin console. Keycloak formats the message with MessageFormat,
     * so messages use double quotes: a single quote would vanish.
     */
    public static ProtocolMapperConfigException invalid(String message) {
        return new ProtocolMapperConfigException(message, "leeridInvalidMapperConfig");
    }

    /** On a client (not a client scope), the pseudonym mappers need a decidable sector. */
    public static void validateSector(KeycloakSession session, ProtocolMapperContainerModel container)
            throws ProtocolMapperConfigException {
        if (container instanceof ClientModel client) {
            try {
                session.getProvider(LeerIdProvider.class).sector(client);
            } catch (SubjectUnavailableException e) {
                throw invalid(e.getMessage());
            }
        }
    }

    public static void validateScope(ProtocolMapperModel model) throws ProtocolMapperConfigException {
        String scope = model.getConfig().get(SCOPE);
        if (scope != null && !scope.isBlank() && !SCOPE_SYNTAX.matcher(scope.strip()).matches()) {
            throw invalid(SCOPE + " must be a lower-case domain name such as "
                    + DEFAULT_SCOPE + ", not \"" + scope + "\"");
        }
    }

    public static void validateClaim(ProtocolMapperModel model) throws ProtocolMapperConfigException {
        String claim = model.getConfig().get(CLAIM);
        if (Claim.byOidcName(claim).isEmpty()) {
            throw invalid(CLAIM + " must be one of " + Arrays.stream(Claim.values())
                    .map(Claim::oidcName).toList() + ", not \"" + claim + "\"");
        }
    }

}
