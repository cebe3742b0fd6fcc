package be.leerid.identifiers.protocol.oidc.mappers;

import java.util.List;

import be.leerid.identifiers.protocol.LeerIdSubjects;
import be.leerid.identifiers.protocol.MapperConfig;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperContainerModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.ProtocolMapperConfigException;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.LogoutTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.IDToken;
import org.keycloak.representations.LogoutToken;

/**
 * Sets {@code sub} in the ID token, access token, userinfo, introspection and logout tokens to the
 * learner's pairwise pseudonym for the client's sector. Users without a LeerID get no token.
 */
public final class LeerIdPseudonymMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper, TokenIntrospectionTokenMapper,
        LogoutTokenMapper {

    public static final String PROVIDER_ID = "oidc-leerid-pseudonym-mapper";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "LeerID: pairwise pseudonym (sub)";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "Sets the subject (sub) of every token to the learner's pseudonym for this client's sector: "
                + "HMAC-SHA-256 of the sector and the LeerID under the realm's vault key 'pseudonym-key'. "
                + "The sector is the client attribute 'leerid.sector', or else the one host of its redirect URIs.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public void validateConfig(KeycloakSession session, RealmModel realm, ProtocolMapperContainerModel container,
                               ProtocolMapperModel mapperModel) throws ProtocolMapperConfigException {
        MapperConfig.validateSector(container);
    }

    @Override
    public IDToken transformIDToken(IDToken token, ProtocolMapperModel mappingModel, KeycloakSession session,
                                    UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        token.setSubject(pseudonym(session, userSession, clientSessionCtx));
        return token;
    }

    @Override
    public AccessToken transformAccessToken(AccessToken token, ProtocolMapperModel mappingModel, KeycloakSession session,
                                            UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        token.setSubject(pseudonym(session, userSession, clientSessionCtx));
        return token;
    }

    @Override
    public AccessToken transformUserInfoToken(AccessToken token, ProtocolMapperModel mappingModel, KeycloakSession session,
                                              UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        token.setSubject(pseudonym(session, userSession, clientSessionCtx));
        return token;
    }

    @Override
    public AccessToken transformIntrospectionToken(AccessToken token, ProtocolMapperModel mappingModel, KeycloakSession session,
                                                   UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        token.setSubject(pseudonym(session, userSession, clientSessionCtx));
        return token;
    }

    /** Back-channel logout tokens name the same subject the service knows, never Keycloak's user id. */
    @Override
    public LogoutToken transformLogoutToken(LogoutToken token, ProtocolMapperModel mappingModel, KeycloakSession session,
                                            UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        token.setSubject(pseudonym(session, userSession, clientSessionCtx));
        return token;
    }

    private static String pseudonym(KeycloakSession session, UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        return LeerIdSubjects.pseudonymOrRefuse(session, clientSessionCtx.getClientSession().getClient(), userSession.getUser());
    }
}
