package be.leerid.school.services.resources;

import be.leerid.identifiers.services.MountedResourceFactory;
import org.keycloak.models.KeycloakSession;

/** Mounts the school console at {@code /realms/{realm}/school/}. */
public final class SchoolConsoleResourceProviderFactory extends MountedResourceFactory {

    public static final String PROVIDER_ID = "school";

    @Override
    protected Object resource(KeycloakSession session) {
        return new SchoolConsoleResource(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
