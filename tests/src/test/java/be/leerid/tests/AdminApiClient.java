package be.leerid.tests;

import java.util.List;

import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * A confidential client with a service account in the LeerID realm, holding one realm role (or none),
 * and Keycloak's admin API as that client sees it. Removed on close.
 */
final class AdminApiClient implements AutoCloseable {

    private final ManagedRealm realm;
    private final String id;
    private final Keycloak api;

    private AdminApiClient(ManagedRealm realm, String id, Keycloak api) {
        this.realm = realm;
        this.id = id;
        this.api = api;
    }

    static AdminApiClient withRealmRole(ManagedRealm realm, String clientId, String role) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setPublicClient(false);
        client.setServiceAccountsEnabled(true);
        client.setStandardFlowEnabled(false);
        client.setSecret(clientId + "-secret-not-for-production");
        String id;
        try (Response response = realm.admin().clients().create(client)) {
            id = CreatedResponseUtil.getCreatedId(response);
        }
        if (role != null) {
            String serviceAccount = realm.admin().clients().get(id).getServiceAccountUser().getId();
            realm.admin().users().get(serviceAccount).roles().realmLevel()
                    .add(List.of(realm.admin().roles().get(role).toRepresentation()));
        }
        String server = realm.getBaseUrl().replaceAll("/realms/.*", "");
        Keycloak api = KeycloakBuilder.builder().serverUrl(server).realm(realm.getName()).clientId(clientId)
                .clientSecret(client.getSecret()).grantType("client_credentials").build();
        return new AdminApiClient(realm, id, api);
    }

    Keycloak api() {
        return api;
    }

    @Override
    public void close() {
        api.close();
        realm.admin().clients().get(id).remove();
    }
}
