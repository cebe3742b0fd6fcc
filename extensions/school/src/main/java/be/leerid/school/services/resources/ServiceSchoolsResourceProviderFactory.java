package be.leerid.school.services.resources;

import org.keycloak.models.KeycloakSession;

/** Mounts {@link ServiceSchoolsResource} at {@code /realms/{realm}/leerid-service-schools}. */
public final class ServiceSchoolsResourceProviderFactory extends MountedResourceFactory {

    public static final String PROVIDER_ID = "leerid-service-schools";

    @Override
    Object resource(KeycloakSession session) {
        return new ServiceSchoolsResource(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
