package be.leerid.school.authentication.requiredactions;

import be.leerid.identifiers.UserAttributes;
import be.leerid.school.SchoolCalendar;
import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.UserModel;

/**
 * Keeps the day of a person's last login ({@link UserAttributes#LAST_LOGIN}, Belgian time), which the school console
 * shows. Written at most once a day per person: a login on a day already recorded (single sign-on included) only
 * reads the cached account. Never asks the person anything.
 */
public final class LastLoginDay implements RequiredActionProvider, RequiredActionFactory {

    public static final String PROVIDER_ID = "leerid-last-login-day";

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        UserModel user = context.getUser();
        String today = SchoolCalendar.today().toString();
        if (user != null && !today.equals(user.getFirstAttribute(UserAttributes.LAST_LOGIN))) {
            user.setSingleAttribute(UserAttributes.LAST_LOGIN, today);
        }
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        context.success();
    }

    @Override
    public void processAction(RequiredActionContext context) {
        context.success();
    }

    @Override
    public String getDisplayText() {
        return "LeerID: remember the day of the last login (for the school console)";
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
