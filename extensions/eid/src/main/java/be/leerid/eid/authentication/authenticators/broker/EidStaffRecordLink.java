package be.leerid.eid.authentication.authenticators.broker;

import java.util.List;

import be.leerid.eid.broker.EidRefusals;
import be.leerid.eid.broker.StaffAccounts;
import be.leerid.eid.StaffLinkPolicy;
import be.leerid.eid.StaffLinkPolicy.Decision;
import jakarta.ws.rs.core.Response;
import org.keycloak.Config;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.authentication.authenticators.broker.AbstractIdpAuthenticator;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * First eID login: links the eID identity to the person's staff record, found by the keyed hash of the
 * national register number, without asking anything. Anyone else is refused with a clear page and nothing
 * is created. The only step of the realm's "leerid eid first login" flow.
 */
public final class EidStaffRecordLink extends AbstractIdpAuthenticator implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "leerid-eid-staff-record-link";

    @Override
    protected void authenticateImpl(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serializedCtx,
            BrokeredIdentityContext brokerContext) {
        // The eID staff mapper made the brokered id the national register number hash.
        List<UserModel> found = StaffAccounts.byNationalRegisterNumberHash(context.getSession(), context.getRealm(),
                brokerContext.getId());
        Decision decision = StaffLinkPolicy.decide(found.stream().map(StaffAccounts::of).toList());
        if (!decision.allowed()) {
            refuse(context, decision.refusal());
            return;
        }
        context.setUser(StaffAccounts.chosen(found, decision));
        context.success();
    }

    static void refuse(AuthenticationFlowContext context, StaffLinkPolicy.Refusal refusal) {
        EidRefusals.log(refusal.name(), context.getRealm().getName());
        EidRefusals.event(context.getEvent(), refusal.name());
        context.failure(AuthenticationFlowError.INVALID_USER,
                context.form().setError(refusal.messageKey()).createErrorPage(Response.Status.FORBIDDEN));
    }

    @Override
    protected void actionImpl(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serializedCtx,
            BrokeredIdentityContext brokerContext) {
        authenticateImpl(context, serializedCtx, brokerContext);
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public String getDisplayType() {
        return "LeerID: link eID to the staff record";
    }

    @Override
    public String getHelpText() {
        return "For the eID identity provider's first login flow: links the eID identity to the staff record with the same "
                + "national register number (keyed hash, from the register sync). Refuses learners, leavers and unknown people; "
                + "never creates an account. Needs the 'LeerID: eID staff login' mapper on the identity provider.";
    }

    @Override
    public String getReferenceCategory() {
        return "leerid-eid";
    }

    @Override
    public boolean isConfigurable() {
        return false;
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
        return List.of();
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
    public String getId() {
        return PROVIDER_ID;
    }
}
