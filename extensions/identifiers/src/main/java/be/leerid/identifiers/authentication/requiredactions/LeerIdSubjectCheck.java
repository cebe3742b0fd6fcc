package be.leerid.identifiers.authentication.requiredactions;

import be.leerid.identifiers.LevelOfAssurance;
import be.leerid.identifiers.ServiceAccess;
import be.leerid.identifiers.SubjectUnavailableException;
import be.leerid.identifiers.models.LeerIdProvider;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Runs after every login, also single sign-on: a login for a LeerID client only completes if a
 * pseudonym can be derived. Otherwise the person sees a clear error page and no code, token or
 * assertion is issued. A staff-only service never accepts a badge login. It never marks the user: the check
 * belongs to this one login.
 */
public final class LeerIdSubjectCheck implements RequiredActionProvider, RequiredActionFactory {

    public static final String PROVIDER_ID = "leerid-subject-check";
    private static final Logger LOG = Logger.getLogger(LeerIdSubjectCheck.class);

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        if (problem(context) != null) {
            context.getAuthenticationSession().addRequiredAction(PROVIDER_ID);
        }
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        SubjectUnavailableException problem = problem(context);
        if (problem == null) {
            context.success();
            return;
        }
        LOG.warnf("LeerID refused a login: %s", problem.getMessage());
        context.getEvent().detail("reason", problem.reason().name()).error("leerid_subject_unavailable");
        ClientModel client = context.getAuthenticationSession().getClient();
        String service = client.getName() == null || client.getName().isBlank() ? client.getClientId() : client.getName();
        context.challenge(context.form()
                .setError(problem.reason().messageKey(), service)
                .createErrorPage(Response.Status.FORBIDDEN));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        requiredActionChallenge(context);
    }

    private static SubjectUnavailableException problem(RequiredActionContext context) {
        ClientModel client = context.getAuthenticationSession().getClient();
        LeerIdProvider leerid = context.getSession().getProvider(LeerIdProvider.class);
        if (!leerid.isLeerIdService(client)) {
            return null;
        }
        if (leerid.access(client) == ServiceAccess.STAFF && badgeLevelOnly(context)) {
            return new SubjectUnavailableException(SubjectUnavailableException.Reason.STAFF_ONLY,
                    "client \"" + client.getClientId() + "\" is for school staff only, and a badge login is never enough for it");
        }
        try {
            leerid.pseudonym(client, context.getUser());
            return null;
        } catch (SubjectUnavailableException e) {
            return e;
        }
    }

    /** Whether this login (or the session it reuses) reached only the badge level. */
    private static boolean badgeLevelOnly(RequiredActionContext context) {
        String level = context.getAuthenticationSession().getAuthNote(Constants.LEVEL_OF_AUTHENTICATION);
        try {
            return level != null && Integer.parseInt(level) <= LevelOfAssurance.BADGE.level();
        } catch (NumberFormatException e) {
            return true;
        }
    }

    @Override
    public String getDisplayText() {
        return "LeerID: require a LeerID and a pseudonym for LeerID services";
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
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
