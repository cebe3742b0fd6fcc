package be.leerid.eid.broker;

import java.util.List;

import be.leerid.eid.StaffAccount;
import be.leerid.eid.StaffLinkPolicy;
import be.leerid.identifiers.UserAttributes;
import be.leerid.identifiers.models.LeerIdProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** Keycloak adapter: the accounts the register sync stored under a national register number hash. */
public final class StaffAccounts {

    private StaffAccounts() {
    }

    public static List<UserModel> byNationalRegisterNumberHash(KeycloakSession session, RealmModel realm, String hash) {
        return session.getProvider(LeerIdProvider.class).staffByNationalRegisterNumberHash(realm, hash);
    }

    /** Whether the account is the staff record the register stored under this hash. */
    public static boolean hasNationalRegisterNumberHash(UserModel user, String hash) {
        return hash.equals(user.getFirstAttribute(UserAttributes.NRN_HASH));
    }

    public static StaffAccount of(UserModel user) {
        return new StaffAccount(user.getId(), user.isEnabled(), user.getFirstAttribute(UserAttributes.STAFF_ID),
                user.getAttributeStream(UserAttributes.AFFILIATION).toList());
    }

    /** The account to use, or null: the decision's account mapped back to its user model. */
    public static UserModel chosen(List<UserModel> found, StaffLinkPolicy.Decision decision) {
        return decision.allowed()
                ? found.stream().filter(u -> u.getId().equals(decision.account().id())).findFirst().orElse(null)
                : null;
    }
}
