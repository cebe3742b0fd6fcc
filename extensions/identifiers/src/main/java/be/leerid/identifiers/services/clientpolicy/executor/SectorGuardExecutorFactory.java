package be.leerid.identifiers.services.clientpolicy.executor;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProviderFactory;

/** The client policy executor {@value #PROVIDER_ID}, used by the realm's client profile {@code leerid-oidc-rules}. */
public final class SectorGuardExecutorFactory implements ClientPolicyExecutorProviderFactory {

    public static final String PROVIDER_ID = "leerid-sector-guard";

    @Override
    public ClientPolicyExecutorProvider<?> create(KeycloakSession session) {
        return new SectorGuardExecutor(session);
    }

    @Override
    public String getHelpText() {
        return "LeerID: refuses an admin update that changes the pseudonym sector of a service that has already received "
                + "pseudonyms (leerid.sector, or the host its sector comes from), unless the update sets leerid.sector.force=true.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
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
