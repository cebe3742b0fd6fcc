package be.leerid.register.services.resources;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import be.leerid.identifiers.UserAttributes;
import be.leerid.register.AccountChange;
import be.leerid.register.DesiredAccount;
import org.hibernate.Session;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Makes existing accounts of active people match the register, many at a time: one query reads what they hold,
 * {@link AccountChange} says what differs, and batched statements on Keycloak's user tables, in the current
 * transaction, write only that. The changed accounts are then evicted from Keycloak's user cache (on every node),
 * as the user model does. Through the user model a change cost about 3 ms an account (it reads the account and
 * flushes for each attribute it sets), most of a delta's time. Leavers are not handled here: disabling one ends
 * their sessions and tells their services ({@link Leavers}).
 */
final class AccountChanges {

    /** @param missing the people whose account was not found (deleted since the directory was read) */
    record Applied(long updated, long unchanged, List<DesiredAccount> missing) {
    }

    private record Stored(UserCacheEviction.Account account, AccountChange.Stored state) {
    }

    private AccountChanges() {
    }

    /** @param byUserId active people by the id of their existing account */
    static Applied apply(KeycloakSession session, RealmModel realm, Map<String, DesiredAccount> byUserId) {
        Map<String, Stored> stored = new HashMap<>();
        Map<String, AccountChange> changes = new HashMap<>();
        List<DesiredAccount> missing = new ArrayList<>();
        session.getProvider(JpaConnectionProvider.class).getEntityManager().unwrap(Session.class).doWork(connection -> {
            for (List<String> chunk : InList.chunks(new ArrayList<>(byUserId.keySet()))) {
                stored.putAll(read(connection, realm.getId(), chunk));
            }
            byUserId.forEach((userId, desired) -> {
                Stored account = stored.get(userId);
                if (account == null) {
                    missing.add(desired);
                    return;
                }
                AccountChange change = AccountChange.between(account.state(), desired);
                if (!change.isNone()) {
                    changes.put(userId, change);
                }
            });
            write(connection, changes, byUserId);
        });
        UserCacheEviction.evict(session, realm, changes.keySet().stream().map(stored::get).map(Stored::account).toList());
        return new Applied(changes.size(), byUserId.size() - missing.size() - changes.size(), missing);
    }

    private static Map<String, Stored> read(Connection connection, String realmId, List<String> userIds) throws SQLException {
        List<String> names = new ArrayList<>(UserAttributes.FROM_FEED_ROW);
        names.add(UserAttributes.LEFT_ON);
        String sql = "SELECT U.ID, U.USERNAME, U.EMAIL, U.ENABLED, U.FIRST_NAME, U.LAST_NAME, A.NAME, A.VALUE, A.LONG_VALUE "
                + "FROM USER_ENTITY U LEFT JOIN USER_ATTRIBUTE A ON A.USER_ID = U.ID AND A.NAME IN (" + InList.placeholders(names.size())
                + ") WHERE U.REALM_ID = ? AND U.ID IN (" + InList.placeholders(userIds.size()) + ")";
        Map<String, Stored> stored = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            InList.bind(query, 1, names);
            query.setString(names.size() + 1, realmId);
            InList.bind(query, names.size() + 2, userIds);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    Stored account = stored.computeIfAbsent(rs.getString(1), id -> rowOf(rs));
                    String name = rs.getString(7);
                    if (name != null) {
                        String value = rs.getString(8);
                        account.state().attributes().computeIfAbsent(name, n -> new ArrayList<>())
                                .add(value != null ? value : rs.getString(9));
                    }
                }
            }
        }
        return stored;
    }

    private static Stored rowOf(ResultSet rs) {
        try {
            return new Stored(new UserCacheEviction.Account(rs.getString(1), rs.getString(2), rs.getString(3)),
                    new AccountChange.Stored(rs.getBoolean(4), rs.getString(5), rs.getString(6), new HashMap<>()));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Connection connection, Map<String, AccountChange> changes, Map<String, DesiredAccount> desired)
            throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM USER_ATTRIBUTE WHERE USER_ID = ? AND NAME = ?");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO USER_ATTRIBUTE (ID, NAME, VALUE, USER_ID) VALUES (?, ?, ?, ?)");
             PreparedStatement account = connection.prepareStatement(
                     "UPDATE USER_ENTITY SET ENABLED = TRUE, FIRST_NAME = ?, LAST_NAME = ? WHERE ID = ?")) {
            for (Map.Entry<String, AccountChange> entry : changes.entrySet()) {
                String userId = entry.getKey();
                AccountChange change = entry.getValue();
                for (String name : change.removed()) {
                    delete.setString(1, userId);
                    delete.setString(2, name);
                    delete.addBatch();
                }
                for (Map.Entry<String, List<String>> attribute : change.replaced().entrySet()) {
                    delete.setString(1, userId);
                    delete.setString(2, attribute.getKey());
                    delete.addBatch();
                    for (String value : attribute.getValue()) {
                        insert.setString(1, AccountCreator.orderedId());
                        insert.setString(2, attribute.getKey());
                        insert.setString(3, value);
                        insert.setString(4, userId);
                        insert.addBatch();
                    }
                }
                if (change.enable() || change.rename()) {
                    account.setString(1, desired.get(userId).givenName());
                    account.setString(2, desired.get(userId).familyName());
                    account.setString(3, userId);
                    account.addBatch();
                }
            }
            delete.executeBatch();
            insert.executeBatch();
            account.executeBatch();
        }
    }
}
