package be.leerid.transparency.services.resources;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.AccountResourceProvider;
import org.keycloak.services.resource.AccountResourceProviderFactory;

/**
 * Serves {@link MijnLeerIdResource} as the realm's account page: the LeerID account theme names this provider
 * ({@code accountResourceProvider} in its theme.properties), so {@code /realms/{realm}/account/} is "Mijn LeerID"
 * instead of Keycloak's account console.
 */
public final class MijnLeerIdResourceProviderFactory implements AccountResourceProviderFactory {

    public static final String PROVIDER_ID = "leerid-mijn";

    @Override
    public AccountResourceProvider create(KeycloakSession session) {
        MijnLeerIdResource resource = new MijnLeerIdResource(session);
        return new AccountResourceProvider() {
            @Override
            public Object getResource() {
                return resource;
            }

            @Override
            public void close() {
            }
        };
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

    /** Below Keycloak's own: realms without the LeerID account theme (master) keep Keycloak's account console. */
    @Override
    public int order() {
        return -100;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
