package be.leerid.tests;

import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;

/** Realm {@code leerid} exactly as realm-config/ ships it, with the dev users. */
public final class LeerIdRealm implements RealmConfig {

    @Override
    public RealmBuilder configure(RealmBuilder ignored) {
        RealmRepresentation realm = RepositoryFiles.realm("/leerid-realm.json");
        realm.setUsers(RepositoryFiles.realm("/dev/leerid-users-0.json").getUsers());
        return RealmBuilder.update(realm);
    }
}
