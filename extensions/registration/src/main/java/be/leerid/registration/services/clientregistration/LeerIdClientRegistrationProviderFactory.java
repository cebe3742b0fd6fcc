package be.leerid.registration.services.clientregistration;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.clientregistration.ClientRegistrationProvider;
import org.keycloak.services.clientregistration.ClientRegistrationProviderFactory;

/** Registers {@code /realms/{realm}/clients-registrations/leerid}. */
public final class LeerIdClientRegistrationProviderFactory implements ClientRegistrationProviderFactory {

    public static final String PROVIDER_ID = be.leerid.identifiers.Discovery.REGISTRATION_PROVIDER;

    @Override
    public ClientRegistrationProvider create(KeycloakSession session) {
        return new LeerIdClientRegistrationProvider(session);
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
