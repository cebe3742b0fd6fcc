package be.leerid.transparency.services.resources;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import be.leerid.identifiers.models.LeerIdProvider;
import jakarta.ws.rs.core.UriBuilder;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * Who opened "Mijn LeerID", established afresh on every request from the LeerID login session (its cookie): any
 * way in will do (a child's badge too), since the page shows the person only what concerns them.
 */
final class MijnLeerIdCaller {

    private static final String FORM_PURPOSE = "urn:be:leerid:mijn:form";
    private static final SecureRandom RANDOM = new SecureRandom();

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
        // The page reads the login session's cookie, never the code: the challenge is only there because every
        // LeerID client must send one.
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(random().getBytes(StandardCharsets.US_ASCII)));
        return UriBuilder.fromUri(session.getContext().getUri().getBaseUri())
                .path("realms/{realm}/protocol/openid-connect/auth")
                .queryParam(OIDCLoginProtocol.CLIENT_ID_PARAM, Constants.ACCOUNT_CONSOLE_CLIENT_ID)
                .queryParam(OIDCLoginProtocol.REDIRECT_URI_PARAM, back.toString())
                .queryParam(OIDCLoginProtocol.RESPONSE_TYPE_PARAM, "code")
                .queryParam(OIDCLoginProtocol.SCOPE_PARAM, "openid")
                .queryParam(OIDCLoginProtocol.STATE_PARAM, random())
                .queryParam(OIDCLoginProtocol.CODE_CHALLENGE_PARAM, challenge)
                .queryParam(OIDCLoginProtocol.CODE_CHALLENGE_METHOD_PARAM, "S256")
                .build(session.getContext().getRealm().getName());
    }

    UserModel user() {
        return user;
    }

    UserSessionModel userSession() {
        return userSession;
    }

    /** The token the page's form carries: bound to this login session, unguessable without the vault key. */
    String formToken() {
        return session.getProvider(LeerIdProvider.class).deriver(session.getContext().getRealm()).derive(FORM_PURPOSE, userSession.getId());
    }

    boolean acceptsFormToken(String token) {
        return token != null && MessageDigest.isEqual(formToken().getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.US_ASCII));
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
