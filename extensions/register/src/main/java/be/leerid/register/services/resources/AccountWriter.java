package be.leerid.register.services.resources;

import java.time.LocalDate;

import be.leerid.identifiers.PersonSignal;
import be.leerid.identifiers.UserAttributes;
import be.leerid.identifiers.models.LeerIdProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Disables a leaver's account through Keycloak's user model, which also ends their sessions and tells their
 * services; the outcomes of a sync's rows. Changes of active people's accounts: {@link AccountChanges}.
 */
final class AccountWriter {

    enum Outcome { CREATED, UPDATED, UNCHANGED, DISABLED, MERGED }

    private final KeycloakSession session;
    private final RealmModel realm;
    private final LocalDate today;

    AccountWriter(KeycloakSession session, RealmModel realm, LocalDate today) {
        this.session = session;
        this.realm = realm;
        this.today = today;
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
