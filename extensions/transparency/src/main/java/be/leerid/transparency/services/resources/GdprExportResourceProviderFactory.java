package be.leerid.transparency.services.resources;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Registers {@code /realms/{realm}/leerid-gdpr-export}. */
public final class GdprExportResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "leerid-gdpr-export";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        GdprExportResource export = new GdprExportResource(session);
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return export;
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
