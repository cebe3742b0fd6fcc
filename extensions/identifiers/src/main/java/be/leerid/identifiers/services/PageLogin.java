package be.leerid.identifiers.services;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

import be.leerid.identifiers.models.LeerIdProvider;
import jakarta.ws.rs.core.UriBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;

/**
 * For LeerID's own pages that read the login session's cookie (the school console, Mijn LeerID): where to send a
 * visitor to log in through the page's client, and the form token that binds a page's forms to the login session.
 */
public final class PageLogin {

    private static final SecureRandom RANDOM = new SecureRandom();

    private PageLogin() {
    }

    /**
     * The authorization request of the page's client, coming back to {@code back}; with {@code acr} (or null) the
     * level it needs, so a lower session is stepped up.
     */
    public static URI loginUri(KeycloakSession session, String clientId, URI back, String acr) {
        // The page reads the login session's cookie, never the code: the challenge is only there because every
        // LeerID client must send one.
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(random().getBytes(StandardCharsets.US_ASCII)));
        UriBuilder uri = UriBuilder.fromUri(session.getContext().getUri().getBaseUri())
                .path("realms/{realm}/protocol/openid-connect/auth")
                .queryParam(OIDCLoginProtocol.CLIENT_ID_PARAM, clientId)
                .queryParam(OIDCLoginProtocol.REDIRECT_URI_PARAM, back.toString())
                .queryParam(OIDCLoginProtocol.RESPONSE_TYPE_PARAM, "code")
                .queryParam(OIDCLoginProtocol.SCOPE_PARAM, "openid");
        if (acr != null) {
            uri.queryParam(OIDCLoginProtocol.ACR_PARAM, acr);
        }
        return uri.queryParam(OIDCLoginProtocol.STATE_PARAM, random())
                .queryParam(OIDCLoginProtocol.CODE_CHALLENGE_PARAM, challenge)
                .queryParam(OIDCLoginProtocol.CODE_CHALLENGE_METHOD_PARAM, "S256")
                .build(session.getContext().getRealm().getName());
    }

    /** The token a page's forms carry: bound to the login session and the page ({@code purpose}), unguessable without the vault key. */
    public static String formToken(KeycloakSession session, String purpose, UserSessionModel userSession) {
        return session.getProvider(LeerIdProvider.class).deriver(session.getContext().getRealm()).derive(purpose, userSession.getId());
    }

    public static boolean acceptsFormToken(KeycloakSession session, String purpose, UserSessionModel userSession, String token) {
        return token != null && MessageDigest.isEqual(formToken(session, purpose, userSession).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
