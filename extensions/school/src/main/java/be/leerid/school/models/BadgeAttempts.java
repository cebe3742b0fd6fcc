package be.leerid.school.models;

import be.leerid.school.badges.BadgeLockout;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserLoginFailureModel;

/**
 * Failed badge logins, counted per badge id in Keycloak's own login-failure store (shared by the cluster, expiring
 * like Keycloak's), apart from the account's password failures: a classmate who scans a lost badge does not lock
 * the child's password out, and an unknown badge id counts exactly like a voided one.
 */
public final class BadgeAttempts {

    private static final String KEY_PREFIX = "leerid-badge:";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final BadgeLockout lockout;
    private boolean hadFailures = true;

    public BadgeAttempts(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.lockout = new BadgeLockout(realm.getFailureFactor(), realm.getWaitIncrementSeconds(), realm.getMaxFailureWaitSeconds());
    }

    /** Whether the badge waits now; remembers what it read, so a success only writes when there were failures. */
    public boolean locked(String badgeId) {
        if (!realm.isBruteForceProtected()) {
            return false;
        }
        UserLoginFailureModel failures = session.loginFailures().getUserLoginFailure(realm, KEY_PREFIX + badgeId);
        hadFailures = failures != null;
        return failures != null && lockout.locked(failures.getNumFailures(), failures.getLastFailure(), Time.currentTimeMillis());
    }

    public void failed(String badgeId) {
        if (!realm.isBruteForceProtected()) {
            return;
        }
        UserLoginFailureModel failures = session.loginFailures().getUserLoginFailure(realm, KEY_PREFIX + badgeId);
        if (failures == null) {
            failures = session.loginFailures().addUserLoginFailure(realm, KEY_PREFIX + badgeId);
        }
        failures.incrementFailures();
        failures.setLastFailure(Time.currentTimeMillis());
    }

    /** Clears the badge's failures after its right code (call {@link #locked} first). */
    public void succeeded(String badgeId) {
        if (hadFailures) {
            session.loginFailures().removeUserLoginFailure(realm, KEY_PREFIX + badgeId);
        }
    }
}
