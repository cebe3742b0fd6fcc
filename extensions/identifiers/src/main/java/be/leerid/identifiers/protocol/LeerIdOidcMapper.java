package be.leerid.identifiers.protocol;

import be.leerid.identifiers.PersonRecord;
import be.leerid.identifiers.models.LeerIdProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.LogoutTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.IDToken;
import org.keycloak.representations.JsonWebToken;
import org.keycloak.representations.LogoutToken;

/**
 * The base of LeerID's OIDC mappers: every token Keycloak issues goes through {@link #apply}, so a
 * subject or claim can never be set in one token type and forgotten in another (compare Keycloak's
 * {@code AbstractPairwiseSubMapper}). ID token, access token, userinfo, introspection and back-channel
 * logout token each have their own hook; Keycloak 26.7 builds the refresh token from the access token
 * (its {@code sub} included) and has no refresh-token hook, so the access token's covers it.
 */
public abstract class LeerIdOidcMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper, TokenIntrospectionTokenMapper, LogoutTokenMapper {

    /** The token a mapper is asked to fill. */
    public enum TokenType { ID, ACCESS, USERINFO, INTROSPECTION, LOGOUT }

    /**
     * Sets this mapper's part of a token.
     *
     * @return the claim it released (OIDC name, {@link be.leerid.identifiers.Claim#SUBJECT_CLAIM} for the pseudonym), or
     *         null if it set nothing
     */
    protected abstract String apply(JsonWebToken token, TokenType type, ProtocolMapperModel model, PersonRecord person,
                                    PseudonymSource subject);

    /** Whether this mapper writes to that token type (for a claim mapper, the admin's "add to ..." switches). */
    protected abstract boolean appliesTo(TokenType type, ProtocolMapperModel model, KeycloakSession session);

    private <T extends JsonWebToken> T map(T token, TokenType type, ProtocolMapperModel model, KeycloakSession session,
                                           UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        if (appliesTo(type, model, session)) {
            LeerIdProvider leerid = session.getProvider(LeerIdProvider.class);
            ClientModel client = clientSessionCtx.getClientSession().getClient();
            UserModel user = userSession.getUser();
            if (type == TokenType.LOGOUT) {
                // A logout token tells the service that the person's session there ended, often because it may no
                // longer serve them (deactivated, left): it names the subject the service knows and nothing else.
                apply(token, type, model, leerid.personInRequest(user), () -> SubjectRefusal.knownPseudonymOrRefuse(leerid, client, user));
            } else {
                String released = apply(token, type, model, SubjectRefusal.recordOrRefuse(leerid, client, user),
                        PseudonymSource.of(() -> SubjectRefusal.pseudonymOrRefuse(leerid, client, user),
                                () -> leerid.formerPseudonyms(client, user)));
                if (released != null) {
                    leerid.released(clientSessionCtx.getClientSession(), user, released);
                }
            }
        }
        return token;
    }

    @Override
    public final IDToken transformIDToken(IDToken token, ProtocolMapperModel model, KeycloakSession session,
                                          UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        return map(token, TokenType.ID, model, session, userSession, clientSessionCtx);
    }

    @Override
    public final AccessToken transformAccessToken(AccessToken token, ProtocolMapperModel model, KeycloakSession session,
                                                  UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        return map(token, TokenType.ACCESS, model, session, userSession, clientSessionCtx);
    }

    @Override
    public final AccessToken transformUserInfoToken(AccessToken token, ProtocolMapperModel model, KeycloakSession session,
                                                    UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        return map(token, TokenType.USERINFO, model, session, userSession, clientSessionCtx);
    }

    @Override
    public final AccessToken transformIntrospectionToken(AccessToken token, ProtocolMapperModel model, KeycloakSession session,
                                                         UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        return map(token, TokenType.INTROSPECTION, model, session, userSession, clientSessionCtx);
    }

    @Override
    public final LogoutToken transformLogoutToken(LogoutToken token, ProtocolMapperModel model, KeycloakSession session,
                                                  UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        return map(token, TokenType.LOGOUT, model, session, userSession, clientSessionCtx);
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }
}
