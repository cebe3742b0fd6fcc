package be.leerid.identifiers.protocol.oidc.mappers;

import java.util.List;

import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.OIDCAdvancedConfigWrapper;
import org.keycloak.protocol.oidc.OIDCConfigAttributes;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;

/**
 * Keeps {@code sid} out of the ID tokens of services that have no logout endpoint. Keycloak's {@code sid} is its user
 * session id, the same at every service of one login session, so two services could link a person through it while
 * both sessions live. A per-service value would break Keycloak's logout, which finds the session by the ID token's
 * {@code sid} ({@code id_token_hint}) and compares it with the browser's session (docs/security.md has the evidence);
 * so a service gets {@code sid} only where it needs it: a back-channel or front-channel logout URL, or its own
 * post-logout redirect URIs for RP-initiated logout (without them, logout with {@code id_token_hint} still works
 * in the browser: Keycloak then ends the session of the browser's cookie). Access tokens keep it: Keycloak's userinfo, introspection and revocation
 * endpoints find the session by it.
 */
public final class LeerIdSessionIdMapper extends AbstractOIDCProtocolMapper implements OIDCIDTokenMapper {

    public static final String PROVIDER_ID = "oidc-leerid-session-id-mapper";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "LeerID: session id only for logout (sid)";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "Removes the session id (sid) from the ID tokens of clients without a logout URL or post-logout redirect URIs, "
                + "so services that never log out cannot link people through Keycloak's shared session id.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public IDToken transformIDToken(IDToken token, ProtocolMapperModel mappingModel, KeycloakSession session,
                                    UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        if (!logsOut(clientSessionCtx.getClientSession().getClient())) {
            token.setSessionId(null);
        }
        return token;
    }

    static boolean logsOut(ClientModel client) {
        OIDCAdvancedConfigWrapper config = OIDCAdvancedConfigWrapper.fromClientModel(client);
        // Its own post-logout redirect URIs. Keycloak gives every client "+" (its redirect URIs) and falls back to them
        // when there are none; "-" means none: neither says the service logs people out.
        String postLogout = client.getAttribute(OIDCConfigAttributes.POST_LOGOUT_REDIRECT_URIS);
        return hasText(config.getBackchannelLogoutUrl()) || hasText(config.getFrontChannelLogoutUrl())
                || (hasText(postLogout) && !List.of("+", "-").contains(postLogout.strip()));
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
