package be.leerid.register.services.resources;

import java.util.HashMap;
import java.util.Map;

import be.leerid.identifiers.UserAttributes;
import jakarta.persistence.EntityManager;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Every register account of a realm, read in one query: which LeerID has which user, and whether
 * it is enabled. A full sync needs all of them to find leavers; one query beats a million lookups.
 */
final class AccountDirectory {

    record Account(String userId, boolean enabled) {
    }

    private AccountDirectory() {
    }

    static Map<String, Account> load(KeycloakSession session, RealmModel realm) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        Map<String, Account> accounts = new HashMap<>();
        em.createQuery("select a.value, u.id, u.enabled from UserAttributeEntity a join a.user u "
                        + "where u.realmId = :realm and a.name = :name", Object[].class)
                .setParameter("realm", realm.getId())
                .setParameter("name", UserAttributes.LEERID)
                .getResultStream()
                .forEach(row -> accounts.put((String) row[0], new Account((String) row[1], (Boolean) row[2])));
        return accounts;
    }
}
