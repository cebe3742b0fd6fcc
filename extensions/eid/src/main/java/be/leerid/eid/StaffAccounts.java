package be.leerid.eid;

import java.util.List;

import be.leerid.identifiers.PersonRecord;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** Keycloak adapter: the accounts the register sync stored under a national register number hash. */
public final class StaffAccounts {

    /** The user attribute the register sync writes with the keyed hash of the national register number. */
    public static final String NRN_HASH = PersonRecord.NRN_HASH;

    private StaffAccounts() {
    }

    public static List<UserModel> byNationalRegisterNumberHash(KeycloakSession session, RealmModel realm, String hash) {
        return session.users().searchForUserByUserAttributeStream(realm, NRN_HASH, hash)
                .filter(user -> user.getServiceAccountClientLink() == null)
                .limit(10)
                .toList();
    }

    public static StaffAccount of(UserModel user) {
        return new StaffAccount(user.getId(), user.isEnabled(), user.getFirstAttribute(PersonRecord.STAFF_ID),
                user.getAttributeStream(PersonRecord.AFFILIATION).toList());
    }

    /** The account to use, or null: the decision's account mapped back to its user model. */
    public static UserModel chosen(List<UserModel> found, StaffLinkPolicy.Decision decision) {
        return decision.allowed()
                ? found.stream().filter(u -> u.getId().equals(decision.account().id())).findFirst().orElse(null)
                : null;
    }
}
