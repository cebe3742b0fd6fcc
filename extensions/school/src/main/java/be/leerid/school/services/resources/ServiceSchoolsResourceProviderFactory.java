package be.leerid.school.services.resources;

import be.leerid.identifiers.services.MountedResourceFactory;
import org.keycloak.models.KeycloakSession;

/** Mounts {@link ServiceSchoolsResource} at {@code /realms/{realm}/leerid-service-schools}. */
public final class ServiceSchoolsResourceProviderFactory extends MountedResourceFactory {

    public static final String PROVIDER_ID = "leerid-service-schools";

    @Override
    protected Object resource(KeycloakSession session) {
        return new ServiceSchoolsResource(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
