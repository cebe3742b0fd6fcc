package be.leerid.school.models;

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

    /** Held by brute-force protection, for a while or for good. */
    public static boolean locked(KeycloakSession session, RealmModel realm, UserModel user) {
        BruteForceProtector protector = session.getProvider(BruteForceProtector.class);
        return realm.isBruteForceProtected() && (protector.isTemporarilyDisabled(session, realm, user)
                || protector.isPermanentlyLockedOut(session, realm, user));
    }
}
