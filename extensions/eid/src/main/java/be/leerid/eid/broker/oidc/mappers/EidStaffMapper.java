package be.leerid.eid.broker.oidc.mappers;

import java.util.List;
import java.util.Map;

import be.leerid.eid.StaffLinkPolicy;
import be.leerid.eid.broker.EidRefusals;
import be.leerid.eid.broker.StaffAccounts;
import be.leerid.identifiers.NationalRegisterNumber;
import be.leerid.identifiers.SubjectUnavailableException;
import be.leerid.identifiers.models.LeerIdProvider;
import org.jboss.logging.Logger;
import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.oidc.OIDCIdentityProviderConfig;
import org.keycloak.broker.oidc.OIDCIdentityProviderFactory;
import org.keycloak.broker.provider.AbstractIdentityProviderMapper;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.provider.IdpLinkAction;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.IdentityProviderSyncMode;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.representations.AccessTokenResponse;
import org.keycloak.representations.JsonWebToken;
import org.keycloak.services.resources.IdentityBrokerService;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Turns the eID gateway's answer into what LeerID may keep: the keyed hash of the national register
 * number. Before Keycloak looks up or links anyone, the brokered identity's id and user name become that
 * hash, the number and the names are removed from the validated ID token and the raw ID token is
 * dropped. The hash is what the register sync stored on the staff record, so the link is found by it.
 *
 * <p>Also stops account linking through the account console: only the person's own staff record may
 * be linked to their eID.
 */
public final class EidStaffMapper extends AbstractIdentityProviderMapper {

    public static final String PROVIDER_ID = "oidc-leerid-eid-staff-mapper";
    /** Config: the gateway ID token claim that carries the national register number. */
    public static final String CLAIM = "leerid.eid.nrn-claim";
    public static final String DEFAULT_CLAIM = "rrn";
    /** Context data key under which the gateway's acr travels to the post-login check. */
    public static final String GATEWAY_ACR = "leerid.eid.gateway-acr";

    private static final List<String> PERSONAL_CLAIMS = List.of("given_name", "family_name", "name", "email",
            "preferred_username", "birthdate");
    private static final Logger LOG = Logger.getLogger(EidStaffMapper.class);

    private static final List<ProviderConfigProperty> CONFIG = ProviderConfigurationBuilder.create()
            .property().name(CLAIM).type(ProviderConfigProperty.STRING_TYPE)
            .label("National register number claim")
            .helpText("The ID token claim in which the eID gateway sends the national register number (rijksregisternummer). "
                    + "LeerID keeps only its keyed hash and matches it with the staff records of the register. Default: "
                    + DEFAULT_CLAIM + ".")
            .defaultValue(DEFAULT_CLAIM)
            .add()
            .build();

    @Override
    public void preprocessFederatedIdentity(KeycloakSession session, RealmModel realm, IdentityProviderMapperModel mapperModel,
            BrokeredIdentityContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (keepsGatewayTokens(context.getIdpConfig())) {
            LOG.errorf("Identity provider \"%s\" in realm \"%s\" keeps the gateway's tokens, which carry the national register "
                    + "number: turn off 'Store tokens' and 'Send id_token_hint in logout requests'",
                    context.getIdpConfig().getAlias(), realm.getName());
            throw EidRefusals.page(session, authSession, "leeridServiceMisconfigured");
        }
        String claim = claimName(mapperModel);
        Object number = takePersonalData(context, claim);
        if (!(number instanceof String nrn) || !NationalRegisterNumber.isValid(nrn)) {
            EidRefusals.log("the ID token has no valid national register number in claim \"" + claim + "\"", realm.getName());
            throw EidRefusals.page(session, authSession, "leeridEidNoNationalRegisterNumber");
        }
        String hash;
        try {
            hash = session.getProvider(LeerIdProvider.class).nationalRegisterNumberHash(realm, nrn);
        } catch (SubjectUnavailableException e) {
            LOG.errorf("LeerID cannot hash national register numbers: %s", e.getMessage());
            throw EidRefusals.page(session, authSession, e.reason().messageKey());
        }
        context.setId(hash);
        context.setUsername(hash);
        context.setBrokerUserId(context.getIdpConfig().getAlias() + "." + hash);
        if (authSession != null && isAccountLinking(authSession, context.getIdpConfig().getAlias())) {
            refuseLinkToAnotherAccount(session, realm, authSession, hash);
        }
    }

    /** Removes the number and the names from everything Keycloak might keep of this login; returns the number. */
    private static Object takePersonalData(BrokeredIdentityContext context, String claim) {
        Map<String, Object> data = context.getContextData();
        Object number = null;
        if (data.get(OIDCIdentityProvider.VALIDATED_ID_TOKEN) instanceof JsonWebToken idToken) {
            Map<String, Object> claims = idToken.getOtherClaims();
            number = claims.remove(claim);
            PERSONAL_CLAIMS.forEach(claims::remove);
            Object acr = claims.get("acr");
            if (acr != null) {
                data.put(GATEWAY_ACR, acr.toString());
            }
        }
        // Keycloak copies these into the user session ("store token in session" is on unless the
        // identity-brokering-api:v2 feature is enabled); LeerID never calls the gateway with them.
        if (data.get(OIDCIdentityProvider.FEDERATED_ACCESS_TOKEN_RESPONSE) instanceof AccessTokenResponse response) {
            response.setIdToken("");
            response.setToken("");
            response.setRefreshToken("");
        }
        context.setEmail(null);
        context.setFirstName(null);
        context.setLastName(null);
        return number;
    }

    private static boolean keepsGatewayTokens(IdentityProviderModel idp) {
        return Boolean.TRUE.equals(idp.isStoreToken())
                || (idp instanceof OIDCIdentityProviderConfig oidc && oidc.isSendIdTokenOnLogout());
    }

    private static boolean isAccountLinking(AuthenticationSessionModel authSession, String alias) {
        String legacy = authSession.getAuthNote(IdentityBrokerService.LINKING_IDENTITY_PROVIDER);
        return (legacy != null && legacy.endsWith(alias))
                || Boolean.parseBoolean(authSession.getAuthNote(IdpLinkAction.KC_ACTION_LINKING_IDENTITY_PROVIDER));
    }

    private static void refuseLinkToAnotherAccount(KeycloakSession session, RealmModel realm, AuthenticationSessionModel authSession,
            String hash) {
        UserModel user = authSession.getAuthenticatedUser();
        boolean ownStaffRecord = user != null && StaffAccounts.hasNationalRegisterNumberHash(user, hash)
                && StaffLinkPolicy.recheck(StaffAccounts.of(user)).allowed();
        if (!ownStaffRecord) {
            EidRefusals.log("account linking to an account that is not this person's staff record", realm.getName());
            throw EidRefusals.page(session, authSession, "leeridEidLinkRefused");
        }
    }

    private static String claimName(IdentityProviderMapperModel mapperModel) {
        String configured = mapperModel.getConfig() == null ? null : mapperModel.getConfig().get(CLAIM);
        return configured == null || configured.isBlank() ? DEFAULT_CLAIM : configured.trim();
    }

    @Override
    public boolean supportsSyncMode(IdentityProviderSyncMode syncMode) {
        return true;
    }

    @Override
    public String[] getCompatibleProviders() {
        return new String[] {OIDCIdentityProviderFactory.PROVIDER_ID};
    }

    @Override
    public String getDisplayCategory() {
        return "LeerID";
    }

    @Override
    public String getDisplayType() {
        return "LeerID: eID staff login";
    }

    @Override
    public String getHelpText() {
        return "Required on the eID identity provider. Matches the national register number with LeerID's staff records by "
                + "keyed hash, keeps neither the number nor the gateway's names, and refuses linking eID to any account but the "
                + "person's own staff record.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
