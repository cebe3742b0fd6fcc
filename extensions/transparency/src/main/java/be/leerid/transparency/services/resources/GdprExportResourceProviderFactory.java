package be.leerid.transparency.services.resources;

import be.leerid.identifiers.services.MountedResourceFactory;
import org.keycloak.models.KeycloakSession;

/** Mounts {@link GdprExportResource} at {@code /realms/{realm}/leerid-gdpr-export}. */
public final class GdprExportResourceProviderFactory extends MountedResourceFactory {

    public static final String PROVIDER_ID = "leerid-gdpr-export";

    @Override
    protected Object resource(KeycloakSession session) {
        return new GdprExportResource(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
