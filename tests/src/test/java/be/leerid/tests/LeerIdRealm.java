package be.leerid.tests;

import java.util.ArrayList;
import java.util.List;

import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;

/** Realm {@code leerid} exactly as realm-config/ ships it, with the dev users and the demo services' clients. */
public final class LeerIdRealm implements RealmConfig {

    @Override
    public RealmBuilder configure(RealmBuilder ignored) {
        RealmRepresentation realm = RepositoryFiles.realm("/leerid-realm.json");
        List<UserRepresentation> users = new ArrayList<>(realm.getUsers() == null ? List.of() : realm.getUsers());
        users.addAll(RepositoryFiles.realm("/dev/leerid-users-0.json").getUsers());
        realm.setUsers(users);
        List<ClientRepresentation> clients = new ArrayList<>(realm.getClients());
        clients.addAll(RepositoryFiles.realm("/dev/leerid-demo-clients.json").getClients());
        realm.setClients(clients);
        return RealmBuilder.update(realm);
    }
}
