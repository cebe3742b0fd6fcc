package be.leerid.tests;

import java.util.ArrayList;
import java.util.List;

import be.leerid.identifiers.ClientAttributes;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;

/**
 * Realm {@code leerid} exactly as realm-config/ ships it, with the dev users and the demo services' clients, and
 * {@value #ACTIVATED_SMARTSCHOOL}'s activation by the dev schools {@link #DEV_SCHOOLS} (as a school's coordinator
 * would activate it in the school console; the shipped realm leaves every {@code school} service unactivated).
 */
public final class LeerIdRealm implements RealmConfig {

    static final String ACTIVATED_SMARTSCHOOL = "smartschool";
    static final List<String> DEV_SCHOOLS = List.of("012345", "067890");

    @Override
    public RealmBuilder configure(RealmBuilder ignored) {
        RealmRepresentation realm = RepositoryFiles.realm("/leerid-realm.json");
        List<UserRepresentation> users = new ArrayList<>(realm.getUsers() == null ? List.of() : realm.getUsers());
        users.addAll(RepositoryFiles.realm("/dev/leerid-users-0.json").getUsers());
        realm.setUsers(users);
        activateSmartschoolAtDevSchools(realm);
        List<ClientRepresentation> clients = new ArrayList<>(realm.getClients());
        clients.addAll(RepositoryFiles.realm("/dev/leerid-demo-clients.json").getClients());
        realm.setClients(clients);
        return RealmBuilder.update(realm);
    }

    /** As the dev schools' coordinators would in the school console: they use Smartschool. */
    static void activateSmartschoolAtDevSchools(RealmRepresentation realm) {
        realm.getClients().stream().filter(c -> ACTIVATED_SMARTSCHOOL.equals(c.getClientId())).forEach(smartschool ->
                DEV_SCHOOLS.forEach(school -> smartschool.getAttributes().put(ClientAttributes.activatedBy(school), "2026-09-01")));
    }
}
