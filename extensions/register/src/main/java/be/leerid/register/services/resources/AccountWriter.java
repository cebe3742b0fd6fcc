package be.leerid.register.services.resources;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

import be.leerid.identifiers.PersonSignal;
import be.leerid.identifiers.UserAttributes;
import be.leerid.identifiers.models.LeerIdProvider;
import be.leerid.register.DesiredAccount;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** Makes one account match the register, through Keycloak's user model (caches stay coherent). */
final class AccountWriter {

    /** {@code MISSING}: the account is not there (anymore) and the person is active: {@link AccountCreator} creates it. */
    enum Outcome { CREATED, UPDATED, UNCHANGED, DISABLED, MISSING, MERGED }

    private final KeycloakSession session;
    private final RealmModel realm;
    private final LocalDate today;

    AccountWriter(KeycloakSession session, RealmModel realm, LocalDate today) {
        this.session = session;
        this.realm = realm;
        this.today = today;
    }

    /** Makes an existing account match the register; never creates one. */
    Outcome apply(DesiredAccount desired, String existingUserId) {
        UserModel user = existingUserId == null ? null : session.users().getUserById(realm, existingUserId);
        if (user == null) {
            return desired.active() ? Outcome.MISSING : Outcome.UNCHANGED;
        }
        if (!desired.active()) {
            return disable(user) ? Outcome.DISABLED : Outcome.UNCHANGED;
        }
        boolean changed = false;
        if (!user.isEnabled()) {
            user.setEnabled(true);
            user.removeAttribute(UserAttributes.LEFT_ON);
            changed = true;
        }
        if (!Objects.equals(user.getFirstName(), desired.givenName())) {
            user.setFirstName(desired.givenName());
            changed = true;
        }
        if (!Objects.equals(user.getLastName(), desired.familyName())) {
            user.setLastName(desired.familyName());
            changed = true;
        }
        for (String name : UserAttributes.FROM_FEED_ROW) {
            List<String> want = desired.attributes().get(name);
            List<String> have = user.getAttributeStream(name).toList();
            if (want == null && !have.isEmpty()) {
                user.removeAttribute(name);
                changed = true;
            } else if (want != null && !(want.size() == have.size() && new HashSet<>(want).equals(new HashSet<>(have)))) {
                user.setAttribute(name, want);
                changed = true;
            }
        }
        return changed ? Outcome.UPDATED : Outcome.UNCHANGED;
    }

    /** Disables the account and ends every session and offline token at once. */
    boolean disable(String userId) {
        UserModel user = session.users().getUserById(realm, userId);
        return user != null && disable(user);
    }

    private boolean disable(UserModel user) {
        if (!user.isEnabled()) {
            return false;
        }
        user.setEnabled(false);
        user.setSingleAttribute(UserAttributes.LEFT_ON, today.toString());
        LeerIdProvider leerid = session.getProvider(LeerIdProvider.class);
        leerid.signal(realm, user, PersonSignal.ACCOUNT_DISABLED);
        leerid.endSessions(realm, user);
        return true;
    }
}
