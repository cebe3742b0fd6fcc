package be.leerid.school.models;

import java.util.Locale;

import be.leerid.identifiers.SubjectUnavailableException;
import be.leerid.identifiers.models.LeerIdProvider;
import be.leerid.school.UnknownNameLockout;
import be.leerid.school.UnknownNameLockout.Failures;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserLoginFailureModel;
import org.keycloak.representations.idm.RealmRepresentation;

/**
 * Failed logins with a username that has no account, counted per typed name in Keycloak's own login-failure store
 * (shared by the cluster, expiring like Keycloak's), under a keyed hash of the name so the store never holds what was
 * typed. With {@link UnknownNameLockout} such a name locks when an account would: after enough failures every
 * username, existing or not, gets the same "too many attempts".
 */
public final class UnknownNameAttempts {

    private static final String KEY_PREFIX = "leerid-unknown-name:";
    private static final String HASH_PURPOSE = "urn:be:leerid:unknown-name";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final UnknownNameLockout lockout;

    public UnknownNameAttempts(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.lockout = new UnknownNameLockout(realm.getFailureFactor(), realm.getWaitIncrementSeconds(),
                realm.getMaxFailureWaitSeconds(), realm.getQuickLoginCheckMilliSeconds(), realm.getMinimumQuickLoginWaitSeconds(),
                realm.getMaxDeltaTimeSeconds(), realm.getBruteForceStrategy() == RealmRepresentation.BruteForceStrategy.LINEAR);
    }

    /** Whether the name waits now. */
    public boolean locked(String typed) {
        UserLoginFailureModel stored = stored(typed);
        return stored != null && read(stored).waits(Time.currentTimeMillis());
    }

    /** Counts one more failure for the name (not while it waits: Keycloak does not count those for an account either). */
    public void failed(String typed) {
        String key = key(typed);
        if (key == null) {
            return;
        }
        UserLoginFailureModel stored = session.loginFailures().getUserLoginFailure(realm, key);
        if (stored == null) {
            stored = session.loginFailures().addUserLoginFailure(realm, key);
        }
        Failures before = read(stored);
        Failures after = lockout.failed(before, Time.currentTimeMillis());
        if (after.count() <= before.count()) {
            stored.clearFailures();
        }
        stored.incrementFailures();
        stored.setLastFailure(after.lastFailure());
        stored.setFailedLoginNotBefore((int) Math.min(Integer.MAX_VALUE, after.notBeforeSeconds()));
    }

    private UserLoginFailureModel stored(String typed) {
        String key = key(typed);
        return key == null ? null : session.loginFailures().getUserLoginFailure(realm, key);
    }

    private static Failures read(UserLoginFailureModel stored) {
        return new Failures(stored.getNumFailures(), stored.getLastFailure(), stored.getFailedLoginNotBefore());
    }

    /** The store's key for a typed name; none when brute-force protection is off or the realm has no key to hash with. */
    private String key(String typed) {
        if (!realm.isBruteForceProtected() || typed == null || typed.isBlank()) {
            return null;
        }
        try {
            String name = typed.strip().toLowerCase(Locale.ROOT);
            return KEY_PREFIX + session.getProvider(LeerIdProvider.class).deriver(realm).derive(HASH_PURPOSE, name);
        } catch (SubjectUnavailableException e) {
            return null;
        }
    }
}
