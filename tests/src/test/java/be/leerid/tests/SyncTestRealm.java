package be.leerid.tests;

import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;

/**
 * The shipped realm under another name, without dev users: the register is its only source of people. The dev
 * schools use Smartschool, as in {@link LeerIdRealm}.
 */
public final class SyncTestRealm implements RealmConfig {

    @Override
    public RealmBuilder configure(RealmBuilder ignored) {
        RealmRepresentation realm = RepositoryFiles.realm("/leerid-realm.json");
        realm.setRealm(RegisterSyncIT.REALM);
        realm.setId(RegisterSyncIT.REALM);
        LeerIdRealm.activateSmartschoolAtDevSchools(realm);
        return RealmBuilder.update(realm);
    }
}
