package be.leerid.registration.services.resources;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Registers {@code /realms/{realm}/leerid-providers}. */
public final class ProviderDirectoryFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "leerid-providers";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        ProviderDirectory directory = new ProviderDirectory(session);
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return directory;
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

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
