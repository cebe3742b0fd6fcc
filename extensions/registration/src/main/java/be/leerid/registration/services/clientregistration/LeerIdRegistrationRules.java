package be.leerid.registration.services.clientregistration;

import java.util.List;

import org.keycloak.component.ComponentModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.clientregistration.ClientRegistrationContext;
import org.keycloak.services.clientregistration.ClientRegistrationProvider;
import org.keycloak.services.clientregistration.policy.AbstractClientRegistrationPolicyFactory;
import org.keycloak.services.clientregistration.policy.ClientRegistrationPolicy;
import org.keycloak.services.clientregistration.policy.ClientRegistrationPolicyException;

/**
 * Client registration policy "LeerID: registration rules" (anonymous and authenticated): clients are
 * registered, read, changed and deleted only through LeerID's endpoint and its software statements;
 * Keycloak's own registration endpoints (default, openid-connect, saml2) are closed; no registered
 * client ever carries protocol mappers of its own.
 */
public final class LeerIdRegistrationRules extends AbstractClientRegistrationPolicyFactory implements ClientRegistrationPolicy {

    public static final String PROVIDER_ID = "leerid-registration-rules";

    private static final String ONLY_LEERID = "clients are registered only at clients-registrations/"
            + LeerIdClientRegistrationProviderFactory.PROVIDER_ID + ", with a software statement";

    @Override
    public void beforeRegister(ClientRegistrationContext context) throws ClientRegistrationPolicyException {
        requireLeerId(context.getProvider());
        if (context.getClient().getProtocolMappers() != null && !context.getClient().getProtocolMappers().isEmpty()) {
            throw new ClientRegistrationPolicyException("protocol mappers cannot be set through registration");
        }
    }

    @Override
    public void afterRegister(ClientRegistrationContext context, ClientModel client) {
        removeOwnMappers(client);
    }

    @Override
    public void beforeUpdate(ClientRegistrationContext context, ClientModel client) throws ClientRegistrationPolicyException {
        beforeRegister(context);
        requireRegistered(client);
    }

    @Override
    public void afterUpdate(ClientRegistrationContext context, ClientModel client) {
        removeOwnMappers(client);
    }

    @Override
    public void beforeView(ClientRegistrationProvider provider, ClientModel client) throws ClientRegistrationPolicyException {
        requireLeerId(provider);
        requireRegistered(client);
    }

    @Override
    public void beforeDelete(ClientRegistrationProvider provider, ClientModel client) throws ClientRegistrationPolicyException {
        beforeView(provider, client);
    }

    private static void requireLeerId(ClientRegistrationProvider provider) throws ClientRegistrationPolicyException {
        if (!(provider instanceof LeerIdClientRegistrationProvider)) {
            throw new ClientRegistrationPolicyException(ONLY_LEERID);
        }
    }

    private static void requireRegistered(ClientModel client) throws ClientRegistrationPolicyException {
        if (!RegisteredClients.isRegistered(client)) {
            throw new ClientRegistrationPolicyException("only clients registered through LeerID can be managed here");
        }
    }

    /** What a service receives comes from its client scopes (the statement), never from mappers of its own. */
    private static void removeOwnMappers(ClientModel client) {
        List<ProtocolMapperModel> own = client.getProtocolMappersStream().toList();
        own.forEach(client::removeProtocolMapper);
    }

    @Override
    public ClientRegistrationPolicy create(KeycloakSession session, ComponentModel model) {
        return this;
    }

    @Override
    public String getHelpText() {
        return "LeerID: registration only through clients-registrations/leerid with a software statement from the onboarding "
                + "authority; closes Keycloak's own registration endpoints; registered clients never get protocol mappers.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
