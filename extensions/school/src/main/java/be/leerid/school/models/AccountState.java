package be.leerid.school.models;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.EntityManager;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.services.managers.BruteForceProtector;

/** What the console and the reference codes ask of an account's credentials and lockout. */
public final class AccountState {

    private AccountState() {
    }

    public static boolean hasPassword(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(PasswordCredentialModel.TYPE).findAny().isPresent();
    }

    /**
     * Which of these accounts have a password, in one query per thousand accounts: for a whole school's letters,
     * where asking each account's credentials loads them one account at a time.
     */
    public static Set<String> withPassword(KeycloakSession session, List<String> userIds) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        Set<String> found = new HashSet<>();
        for (int from = 0; from < userIds.size(); from += 1000) {
            found.addAll(em.createQuery("select c.user.id from CredentialEntity c where c.type = :type and c.user.id in :ids", String.class)
                    .setParameter("type", PasswordCredentialModel.TYPE)
                    .setParameter("ids", userIds.subList(from, Math.min(userIds.size(), from + 1000)))
                    .getResultList());
        }
        return found;
    }

    /** Held by brute-force protection, for a while or for good. */
    public static boolean locked(KeycloakSession session, RealmModel realm, UserModel user) {
        BruteForceProtector protector = session.getProvider(BruteForceProtector.class);
        return realm.isBruteForceProtected() && (protector.isTemporarilyDisabled(session, realm, user)
                || protector.isPermanentlyLockedOut(session, realm, user));
    }
}
