package be.leerid.register.services.resources;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import be.leerid.identifiers.PersonSignal;
import be.leerid.identifiers.UserAttributes;
import be.leerid.identifiers.models.LeerIdProvider;
import org.hibernate.Session;
import org.keycloak.common.Profile;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Disables leavers' accounts, a few dozen per transaction. Batched statements on Keycloak's user tables disable
 * them, set their not-before to now (every token issued before stops working) and the day they left, and evict
 * them from the user cache. Only leavers who have a session, or whom a service knows, are then loaded through the
 * user model: their sessions end with back-channel logout and their services are told ({@link LeerIdProvider}).
 * Through the user model for every leaver a disable took about 4 ms, a dozen statements each, most of a delta's
 * time; nearly all leavers of a delta had neither a session nor a service to tell.
 */
final class Leavers {

    private Leavers() {
    }

    /**
     * @param userIds at most {@link InList#MAX_VALUES} accounts (one query each)
     * @return how many were enabled and are now disabled
     */
    static int disable(KeycloakSession session, RealmModel realm, List<String> userIds, LocalDate today) {
        List<UserCacheEviction.Account> disabled = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        Set<String> withSessions = new HashSet<>();
        int notBefore = Time.currentTime();
        session.getProvider(JpaConnectionProvider.class).getEntityManager().unwrap(Session.class).doWork(connection -> {
            disabled.addAll(enabledAmong(connection, realm.getId(), userIds));
            disabled.forEach(account -> ids.add(account.id()));
            write(connection, ids, notBefore, today);
            withSessions.addAll(withSessions(connection, realm.getId(), ids));
        });
        UserCacheEviction.evict(session, realm, disabled);
        LeerIdProvider leerid = session.getProvider(LeerIdProvider.class);
        Set<String> known = leerid.knownToServices(ids);
        for (UserCacheEviction.Account account : disabled) {
            if (!known.contains(account.id()) && !withSessions.contains(account.id())) {
                continue;
            }
            UserModel user = session.users().getUserById(realm, account.id());
            if (known.contains(account.id())) {
                leerid.signal(realm, user, PersonSignal.ACCOUNT_DISABLED);
            }
            if (withSessions.contains(account.id())) {
                leerid.endSessions(realm, user);
            }
        }
        return disabled.size();
    }

    private static List<UserCacheEviction.Account> enabledAmong(Connection connection, String realmId, List<String> userIds)
            throws SQLException {
        List<UserCacheEviction.Account> enabled = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT ID, USERNAME, EMAIL FROM USER_ENTITY WHERE REALM_ID = ? "
                + "AND ENABLED = TRUE AND ID IN (" + InList.placeholders(userIds.size()) + ")")) {
            query.setString(1, realmId);
            InList.bind(query, 2, userIds);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    enabled.add(new UserCacheEviction.Account(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        return enabled;
    }

    private static void write(Connection connection, List<String> userIds, int notBefore, LocalDate today) throws SQLException {
        if (userIds.isEmpty()) {
            return;
        }
        try (PreparedStatement account = connection.prepareStatement("UPDATE USER_ENTITY SET ENABLED = FALSE, NOT_BEFORE = ? WHERE ID = ?");
             PreparedStatement forget = connection.prepareStatement("DELETE FROM USER_ATTRIBUTE WHERE USER_ID = ? AND NAME = ?");
             PreparedStatement leftOn = connection.prepareStatement("INSERT INTO USER_ATTRIBUTE (ID, NAME, VALUE, USER_ID) VALUES (?, ?, ?, ?)")) {
            for (String id : userIds) {
                account.setInt(1, notBefore);
                account.setString(2, id);
                account.addBatch();
                forget.setString(1, id);
                forget.setString(2, UserAttributes.LEFT_ON);
                forget.addBatch();
                leftOn.setString(1, AccountCreator.orderedId());
                leftOn.setString(2, UserAttributes.LEFT_ON);
                leftOn.setString(3, today.toString());
                leftOn.setString(4, id);
                leftOn.addBatch();
            }
            account.executeBatch();
            forget.executeBatch();
            leftOn.executeBatch();
        }
    }

    /**
     * The accounts with an online or offline session. With Keycloak's persistent user sessions (on by default) every
     * session is in its table; without, sessions live only in the cache, and every account is treated as having one.
     */
    private static Set<String> withSessions(Connection connection, String realmId, List<String> userIds) throws SQLException {
        if (!Profile.isFeatureEnabled(Profile.Feature.PERSISTENT_USER_SESSIONS)) {
            return new HashSet<>(userIds);
        }
        Set<String> with = new HashSet<>();
        if (userIds.isEmpty()) {
            return with;
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT DISTINCT USER_ID FROM OFFLINE_USER_SESSION WHERE REALM_ID = ? "
                + "AND USER_ID IN (" + InList.placeholders(userIds.size()) + ")")) {
            query.setString(1, realmId);
            InList.bind(query, 2, userIds);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    with.add(rs.getString(1));
                }
            }
        }
        return with;
    }
}
