package be.leerid.registration.services.resources;

import be.leerid.identifiers.services.MountedResourceFactory;
import org.keycloak.models.KeycloakSession;

/** Mounts {@link ProviderDirectory} at {@code /realms/{realm}/leerid-providers}. */
public final class ProviderDirectoryFactory extends MountedResourceFactory {

    public static final String PROVIDER_ID = "leerid-providers";

    @Override
    protected Object resource(KeycloakSession session) {
        return new ProviderDirectory(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
