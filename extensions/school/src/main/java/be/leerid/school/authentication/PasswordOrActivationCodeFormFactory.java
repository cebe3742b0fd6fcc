package be.leerid.school.authentication;

import org.keycloak.authentication.AuthenticationFlowCallbackFactory;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordFormFactory;
import org.keycloak.models.KeycloakSession;

/** Takes the place of Keycloak's username and password form in the realm's browser flow. */
public final class PasswordOrActivationCodeFormFactory extends UsernamePasswordFormFactory implements AuthenticationFlowCallbackFactory {

    public static final String PROVIDER_ID = "leerid-password-or-activation-code";

    @Override
    public Authenticator create(KeycloakSession session) {
        return new PasswordOrActivationCodeForm(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "LeerID: password, activation letter or badge";
    }

    @Override
    public String getHelpText() {
        return "The username and password form; a learner without a password yet enters the username and the one-time code "
                + "from the activation letter the school printed, then chooses a password. Where a badge is enough (no higher level "
                + "asked, not a staff-only service), a young learner can also show the QR badge the school printed.";
    }
}
