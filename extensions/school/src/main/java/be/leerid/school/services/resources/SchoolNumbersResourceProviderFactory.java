package be.leerid.school.services.resources;

import be.leerid.identifiers.services.MountedResourceFactory;
import org.keycloak.models.KeycloakSession;

/** Mounts {@link SchoolNumbersResource} at {@code /realms/{realm}/leerid-school-numbers}. */
public final class SchoolNumbersResourceProviderFactory extends MountedResourceFactory {

    public static final String PROVIDER_ID = "leerid-school-numbers";

    @Override
    protected Object resource(KeycloakSession session) {
        return new SchoolNumbersResource(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
