package be.leerid.transparency.services.resources;

import java.net.URI;
import java.util.Optional;

import be.leerid.identifiers.services.PageLogin;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * Who opened "Mijn LeerID", established afresh on every request from the LeerID login session (its cookie): any
 * way in will do (a child's badge too), since the page shows the person only what concerns them.
 */
final class MijnLeerIdCaller {

    private static final String FORM_PURPOSE = "urn:be:leerid:mijn:form";

    private final KeycloakSession session;
    private final UserModel user;
    private final UserSessionModel userSession;

    private MijnLeerIdCaller(KeycloakSession session, UserModel user, UserSessionModel userSession) {
        this.session = session;
        this.user = user;
        this.userSession = userSession;
    }

    static Optional<MijnLeerIdCaller> of(KeycloakSession session) {
        RealmModel realm = session.getContext().getRealm();
        AuthenticationManager.AuthResult auth = AuthenticationManager.authenticateIdentityCookie(session, realm, true);
        if (auth == null || !auth.user().isEnabled()) {
            return Optional.empty();
        }
        return Optional.of(new MijnLeerIdCaller(session, auth.user(), auth.session()));
    }

    /** The login of Keycloak's account console client, coming back to this page. */
    static URI login(KeycloakSession session, URI back) {
        return PageLogin.loginUri(session, Constants.ACCOUNT_CONSOLE_CLIENT_ID, back, null);
    }

    UserModel user() {
        return user;
    }

    UserSessionModel userSession() {
        return userSession;
    }

    /** The token the page's form carries: bound to this login session. */
    String formToken() {
        return PageLogin.formToken(session, FORM_PURPOSE, userSession);
    }

    boolean acceptsFormToken(String token) {
        return PageLogin.acceptsFormToken(session, FORM_PURPOSE, userSession, token);
    }
}
