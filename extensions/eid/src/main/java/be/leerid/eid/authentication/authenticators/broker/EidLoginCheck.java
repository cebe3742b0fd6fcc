package be.leerid.eid.authentication.authenticators.broker;

import java.util.List;

import be.leerid.eid.Assurance;
import be.leerid.eid.broker.EidRefusals;
import be.leerid.eid.broker.StaffAccounts;
import be.leerid.eid.StaffLinkPolicy;
import be.leerid.eid.broker.oidc.mappers.EidStaffMapper;
import jakarta.ws.rs.core.Response;
import org.keycloak.Config;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.authentication.authenticators.broker.util.PostBrokerLoginConstants;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.authentication.authenticators.util.AcrStore;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Every eID login, after the account is known: the account must still be an active staff record, and the
 * login gets the level of authentication the gateway's {@code acr} earns. A client that asked for the eID
 * level (acr_values) and did not get it is refused here, before any code is issued. The only step of the
 * realm's "leerid eid login" (post login) flow.
 */
public final class EidLoginCheck implements Authenticator, AuthenticatorFactory {

    public static final String PROVIDER_ID = "leerid-eid-login-check";
    public static final String EID_LEVEL_ACRS = "leerid.eid-level-acrs";
    public static final String DEFAULT_EID_LEVEL_ACRS = "urn:be:vlaanderen:authmech:eid urn:be:vlaanderen:authmech:itsme";

    private static final List<ProviderConfigProperty> CONFIG = ProviderConfigurationBuilder.create()
            .property().name(EID_LEVEL_ACRS).type(ProviderConfigProperty.STRING_TYPE)
            .label("eID-level acr values")
            .helpText("The gateway's acr values (separated by spaces) that count as eID-level assurance. A login by any other "
                    + "means counts as a password login, and clients that require the eID level refuse it.")
            .defaultValue(DEFAULT_EID_LEVEL_ACRS)
            .add()
            .build();

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        StaffLinkPolicy.Decision decision = StaffLinkPolicy.recheck(StaffAccounts.of(user));
        if (!decision.allowed()) {
            EidStaffRecordLink.refuse(context, decision.refusal());
            return;
        }
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        int level = assurance(context.getAuthenticatorConfig()).level(gatewayAcr(context.getSession(), authSession));
        String requested = authSession.getClientNote(Constants.REQUESTED_LEVEL_OF_AUTHENTICATION);
        if (requested != null && Integer.parseInt(requested) > level) {
            EidRefusals.log("the eID means used is below the level the client requires", context.getRealm().getName());
            EidRefusals.event(context.getEvent(), "ASSURANCE_TOO_LOW");
            context.failure(AuthenticationFlowError.ACCESS_DENIED,
                    context.form().setError("leeridEidAssuranceTooLow").createErrorPage(Response.Status.FORBIDDEN));
            return;
        }
        // An eID-level login also satisfies every lower level; remembered in the user session like
        // Keycloak's own level-of-authentication conditions do, so single sign-on honours it.
        AcrStore acr = new AcrStore(context.getSession(), authSession);
        for (int satisfied = Assurance.LOWEST_LEVEL; satisfied <= level; satisfied++) {
            acr.setLevelAuthenticated(satisfied);
        }
        authSession.setUserSessionNote(Constants.LOA_MAP, authSession.getAuthNote(Constants.LOA_MAP));
        context.success();
    }

    private static Assurance assurance(AuthenticatorConfigModel config) {
        String configured = config == null || config.getConfig() == null ? null : config.getConfig().get(EID_LEVEL_ACRS);
        return Assurance.of(configured == null || configured.isBlank() ? DEFAULT_EID_LEVEL_ACRS : configured);
    }

    private static String gatewayAcr(KeycloakSession session, AuthenticationSessionModel authSession) {
        SerializedBrokeredIdentityContext serialized = SerializedBrokeredIdentityContext.readFromAuthenticationSession(authSession,
                PostBrokerLoginConstants.PBL_BROKERED_IDENTITY_CONTEXT);
        if (serialized == null) {
            return null;
        }
        Object acr = serialized.deserialize(session, authSession).getContextData().get(EidStaffMapper.GATEWAY_ACR);
        return acr == null ? null : acr.toString();
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        authenticate(context);
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public String getDisplayType() {
        return "LeerID: eID login check";
    }

    @Override
    public String getHelpText() {
        return "For the eID identity provider's post login flow: refuses accounts that are no longer active staff records and "
                + "sets the level of authentication from the gateway's acr, refusing clients that require more.";
    }

    @Override
    public String getReferenceCategory() {
        return "leerid-eid";
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return new Requirement[] {Requirement.REQUIRED};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return this;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
