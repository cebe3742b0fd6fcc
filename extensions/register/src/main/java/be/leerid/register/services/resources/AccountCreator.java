package be.leerid.register.services.resources;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import be.leerid.identifiers.PseudonymDeriver;
import be.leerid.register.DesiredAccount;
import be.leerid.register.Usernames;
import org.hibernate.Session;
import org.hibernate.id.uuid.UuidVersion7Strategy;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The one way a register account is created, one or many at a time: batched JDBC inserts into Keycloak's
 * own tables, on the connection of the current Keycloak transaction, with the username rule and its
 * collision handling of {@link Usernames}. Only for accounts that do not exist yet, so no cache holds
 * them ({@link AccountChanges} and {@link Leavers} change existing ones). Measured: the user model flushes
 * Hibernate on every attribute it sets, about 8 ms per new account on PostgreSQL here.
 * <p>
 * The rows get time-ordered ids (UUID version 7, Hibernate's generator, which Keycloak ships) instead of
 * Keycloak's random ones: with random ids every insert lands on a random page of each primary-key and
 * user-id index, which at a million accounts no longer fits in PostgreSQL's buffers, so each row cost a
 * page read, a dirty-page write and a full-page image in the WAL. Ordered ids land on the few pages where
 * the newest ids sort, which stay in the buffers. The ids stay opaque 36-character strings, as Keycloak expects; a user id is never shown to a
 * service (services see pseudonyms).
 */
final class AccountCreator {

    private AccountCreator() {
    }

    /**
     * Refreshes PostgreSQL's planner statistics after many inserts. With statistics from when the
     * tables were small, the next directory query took 17 s instead of 50 ms at 20,000 accounts.
     */
    static void analyze(KeycloakSession session) {
        session.getProvider(JpaConnectionProvider.class).getEntityManager().unwrap(Session.class).doWork(connection -> {
            if (connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
                try (var statement = connection.createStatement()) {
                    statement.execute("ANALYZE USER_ENTITY");
                    statement.execute("ANALYZE USER_ATTRIBUTE");
                    statement.execute("ANALYZE USER_ROLE_MAPPING");
                }
            }
        });
    }

    /** @return how many accounts were created (all of them) */
    static int create(KeycloakSession session, RealmModel realm, PseudonymDeriver deriver, List<DesiredAccount> accounts) {
        if (accounts.isEmpty()) {
            return 0;
        }
        String defaultRole = realm.getDefaultRole().getId();
        long now = System.currentTimeMillis();
        session.getProvider(JpaConnectionProvider.class).getEntityManager().unwrap(Session.class).doWork(connection -> {
            Map<DesiredAccount, String> usernames = usernames(connection, realm.getId(), deriver, accounts);
            try (PreparedStatement users = connection.prepareStatement("INSERT INTO USER_ENTITY (ID, EMAIL_CONSTRAINT, "
                    + "EMAIL_VERIFIED, ENABLED, FIRST_NAME, LAST_NAME, REALM_ID, USERNAME, CREATED_TIMESTAMP, NOT_BEFORE) "
                    + "VALUES (?, ?, FALSE, TRUE, ?, ?, ?, ?, ?, 0)");
                 PreparedStatement attributes = connection.prepareStatement(
                         "INSERT INTO USER_ATTRIBUTE (ID, NAME, VALUE, USER_ID) VALUES (?, ?, ?, ?)");
                 PreparedStatement roles = connection.prepareStatement("INSERT INTO USER_ROLE_MAPPING (ROLE_ID, USER_ID) VALUES (?, ?)")) {
                for (DesiredAccount account : accounts) {
                    String id = orderedId();
                    users.setString(1, id);
                    users.setString(2, orderedId());
                    users.setString(3, account.givenName());
                    users.setString(4, account.familyName());
                    users.setString(5, realm.getId());
                    users.setString(6, usernames.get(account));
                    users.setLong(7, now);
                    users.addBatch();
                    for (Map.Entry<String, List<String>> attribute : account.attributes().entrySet()) {
                        for (String value : attribute.getValue()) {
                            attributes.setString(1, orderedId());
                            attributes.setString(2, attribute.getKey());
                            attributes.setString(3, value);
                            attributes.setString(4, id);
                            attributes.addBatch();
                        }
                    }
                    roles.setString(1, defaultRole);
                    roles.setString(2, id);
                    roles.addBatch();
                }
                users.executeBatch();
                attributes.executeBatch();
                roles.executeBatch();
            }
        });
        return accounts.size();
    }

    static String orderedId() {
        return UuidVersion7Strategy.INSTANCE.generateUuid(null).toString();
    }

    /** Usernames free in the realm and in this batch: the keyed suffix, or the next variant of it. */
    private static Map<DesiredAccount, String> usernames(Connection connection, String realmId, PseudonymDeriver deriver,
                                                         List<DesiredAccount> accounts) throws SQLException {
        Map<DesiredAccount, String> chosen = new HashMap<>();
        List<DesiredAccount> open = new ArrayList<>(accounts);
        Set<String> taken = new HashSet<>();
        Map<DesiredAccount, List<String>> variants = new HashMap<>();
        for (DesiredAccount account : accounts) {
            variants.put(account, Usernames.candidates(deriver, account.leerid(), account.givenName(), account.familyName()));
        }
        for (int variant = 0; variant < Usernames.VARIANTS && !open.isEmpty(); variant++) {
            Map<String, DesiredAccount> candidates = new HashMap<>();
            for (DesiredAccount account : open) {
                String username = variants.get(account).get(variant);
                if (!taken.contains(username)) {
                    candidates.putIfAbsent(username, account);
                }
            }
            taken.addAll(existing(connection, realmId, candidates.keySet()));
            List<DesiredAccount> next = new ArrayList<>();
            Set<DesiredAccount> placed = new HashSet<>();
            candidates.forEach((username, account) -> {
                if (!taken.contains(username)) {
                    chosen.put(account, username);
                    taken.add(username);
                    placed.add(account);
                }
            });
            for (DesiredAccount account : open) {
                if (!placed.contains(account)) {
                    next.add(account);
                }
            }
            open = next;
        }
        if (!open.isEmpty()) {
            throw new IllegalStateException(open.size() + " accounts found no free username in " + Usernames.VARIANTS + " variants");
        }
        return chosen;
    }

    private static Set<String> existing(Connection connection, String realmId, Set<String> usernames) throws SQLException {
        Set<String> existing = new HashSet<>();
        if (usernames.isEmpty()) {
            return existing;
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT USERNAME FROM USER_ENTITY WHERE REALM_ID = ? AND USERNAME IN ("
                + InList.placeholders(usernames.size()) + ")")) {
            query.setString(1, realmId);
            InList.bind(query, 2, List.copyOf(usernames));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    existing.add(rs.getString(1));
                }
            }
        }
        return existing;
    }
}
