package be.leerid.register.services.resources;

import java.util.List;

import be.leerid.register.DisableGuard;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * Registers {@code /realms/{realm}/register-sync}. Server option:
 * {@code --spi-realm-restapi-extension--register-sync--max-disable-share=0.05}.
 */
public final class RegisterSyncResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "register-sync";
    public static final String MAX_DISABLE_SHARE = "maxDisableShare";

    private DisableGuard guard = new DisableGuard(DisableGuard.DEFAULT_MAX_SHARE);

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        RegisterSyncResource resource = new RegisterSyncResource(session, guard);
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return resource;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void init(Config.Scope config) {
        String share = config.get(MAX_DISABLE_SHARE);
        try {
            guard = new DisableGuard(share == null ? DisableGuard.DEFAULT_MAX_SHARE : Double.parseDouble(share));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("LeerID: " + MAX_DISABLE_SHARE + " must be a number between 0 and 1, not " + share, e);
        }
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(MAX_DISABLE_SHARE).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Largest share of all accounts (0 to 1) one register sync may disable without force=true.")
                .defaultValue(DisableGuard.DEFAULT_MAX_SHARE).add()
                .build();
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
