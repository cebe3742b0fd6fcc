package be.leerid.identifiers.protocol.oidc;

import java.util.Map;

import be.leerid.identifiers.ClaimScope;
import be.leerid.identifiers.Discovery;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.protocol.oidc.OIDCWellKnownProvider;
import org.keycloak.protocol.oidc.OIDCWellKnownProviderFactory;
import org.keycloak.protocol.oidc.representations.OIDCConfigurationRepresentation;
import org.keycloak.wellknown.WellKnownProvider;
import org.keycloak.wellknown.WellKnownProviderFactory;

/**
 * {@code /.well-known/openid-configuration} as LeerID means it ({@link Discovery}): Keycloak's document with what
 * LeerID refuses taken out and its own registration endpoint. Wins over Keycloak's (priority 100) for the same alias.
 */
public final class LeerIdDiscoveryProviderFactory implements WellKnownProviderFactory {

    public static final String PROVIDER_ID = "leerid-openid-configuration";

    @Override
    public WellKnownProvider create(KeycloakSession session) {
        OIDCWellKnownProvider keycloak = new OIDCWellKnownProvider(session, Map.of(), false);
        return new WellKnownProvider() {
            @Override
            public Object getConfig() {
                OIDCConfigurationRepresentation config = (OIDCConfigurationRepresentation) keycloak.getConfig();
                if (KeycloakModelUtils.getClientScopeByName(session.getContext().getRealm(), ClaimScope.PSEUDONYM.oidcName()) == null) {
                    // Not a LeerID realm (master): Keycloak's own document.
                    return config;
                }
                config.setResponseTypesSupported(Discovery.RESPONSE_TYPES);
                config.setGrantTypesSupported(Discovery.GRANT_TYPES);
                config.setCodeChallengeMethodsSupported(Discovery.CODE_CHALLENGE_METHODS);
                config.setSubjectTypesSupported(Discovery.SUBJECT_TYPES);
                config.setScopesSupported(Discovery.scopes());
                config.setClaimsSupported(Discovery.claims());
                config.setRegistrationEndpoint(config.getIssuer() + "/clients-registrations/" + Discovery.REGISTRATION_PROVIDER);
                // Device authorization, CIBA and pushed requests are not LeerID's flows.
                config.setDeviceAuthorizationEndpoint(null);
                config.setBackchannelAuthenticationEndpoint(null);
                config.setBackchannelTokenDeliveryModesSupported(null);
                config.setBackchannelAuthenticationRequestSigningAlgValuesSupported(null);
                // Its aliases repeat Keycloak's closed registration endpoint; LeerID has no mutual-TLS clients.
                config.setMtlsEndpointAliases(null);
                return config;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public String getAlias() {
        return OIDCWellKnownProviderFactory.PROVIDER_ID;
    }

    @Override
    public int getPriority() {
        return 1;
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
