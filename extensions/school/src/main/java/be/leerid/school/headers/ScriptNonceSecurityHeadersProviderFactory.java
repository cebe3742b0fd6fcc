package be.leerid.school.headers;

import org.keycloak.headers.DefaultSecurityHeadersProviderFactory;
import org.keycloak.headers.SecurityHeadersProvider;
import org.keycloak.models.KeycloakSession;

/** Keycloak's security headers with LeerID's script nonces; the default (its order is above Keycloak's 0). */
public final class ScriptNonceSecurityHeadersProviderFactory extends DefaultSecurityHeadersProviderFactory {

    public static final String PROVIDER_ID = "leerid-script-nonce";

    @Override
    public SecurityHeadersProvider create(KeycloakSession session) {
        return new ScriptNonceSecurityHeadersProvider(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public int order() {
        return 1;
    }
}
