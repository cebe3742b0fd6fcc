package be.leerid.school.credential;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import be.leerid.identifiers.models.LeerIdProvider;
import be.leerid.school.ActivationCode;
import be.leerid.school.SchoolCalendar;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.cache.UserCache;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * A learner's one-time activation codes, kept as a credential of their own type: only a keyed hash
 * (HMAC with the realm's vault key, bound to the account), never the code; valid {@value #VALIDITY_DAYS} days, used
 * once. Issuing a new one voids the old one.
 */
public final class ActivationCodes {

    public static final String TYPE = "leerid-activation-code";
    /** A code works until the end of this many days after the day it was printed (Belgian time). */
    public static final int VALIDITY_DAYS = 14;
    /** What the keyed hash is for, so it can never collide with a pseudonym or another hash. */
    private static final String HASH_PURPOSE = "urn:be:leerid:activation-code";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String LABEL = "LeerID activation letter";
    /** Learners per statement of {@link #issueAll}. */
    private static final int BATCH = 500;

    private final KeycloakSession session;
    private final RealmModel realm;

    public ActivationCodes(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** A new code for the learner; any earlier code stops working. */
    public ActivationCode issue(UserModel user) {
        ActivationCode code = ActivationCode.random(RANDOM);
        void_(user);
        CredentialModel credential = new CredentialModel();
        credential.setType(TYPE);
        credential.setUserLabel(LABEL);
        credential.setCreatedDate(Time.currentTimeMillis());
        credential.setSecretData(hash(user, code));
        long expires = lastValidDay().plusDays(1).atStartOfDay(SchoolCalendar.ZONE).toInstant().toEpochMilli();
        credential.setCredentialData("{\"expires\":" + expires + "}");
        user.credentialManager().createStoredCredential(credential);
        return code;
    }

    /**
     * New codes for many learners at once (a whole school's letters); every earlier code of theirs stops working.
     * Keycloak's credential API reads and flushes for each learner (10 ms a learner, 25 s for a school of 2,500);
     * this writes Keycloak's credential table directly, {@value #BATCH} learners per delete and batched insert, in
     * the request's transaction, and then evicts the learners from Keycloak's user cache, as the API would.
     *
     * @return each learner's new code, by account id
     */
    public Map<String, ActivationCode> issueAll(List<UserModel> users) {
        Map<String, ActivationCode> codes = new LinkedHashMap<>();
        long created = Time.currentTimeMillis();
        String data = "{\"expires\":" + lastValidDay().plusDays(1).atStartOfDay(SchoolCalendar.ZONE).toInstant().toEpochMilli() + "}";
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        em.flush();
        for (int from = 0; from < users.size(); from += BATCH) {
            List<UserModel> batch = users.subList(from, Math.min(users.size(), from + BATCH));
            Map<String, ActivationCode> issued = new LinkedHashMap<>();
            batch.forEach(user -> issued.put(user.getId(), ActivationCode.random(RANDOM)));
            em.unwrap(Session.class).doWork(connection -> write(connection, batch, issued, created, data));
            codes.putAll(issued);
        }
        UserCache cache = session.getProvider(UserCache.class);
        if (cache != null) {
            users.forEach(user -> cache.evict(realm, user));
        }
        return codes;
    }

    private void write(Connection connection, List<UserModel> users, Map<String, ActivationCode> codes, long created, String data)
            throws SQLException {
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i < users.size(); i++) {
            ids.append(i == 0 ? "?" : ", ?");
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM CREDENTIAL WHERE TYPE = ? AND USER_ID IN (" + ids + ")");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO CREDENTIAL (ID, TYPE, USER_ID, CREATED_DATE, USER_LABEL, "
                     + "SECRET_DATA, CREDENTIAL_DATA, PRIORITY, VERSION) VALUES (?, ?, ?, ?, ?, ?, ?, "
                     + "(SELECT COALESCE(MAX(C.PRIORITY), 0) + 10 FROM CREDENTIAL C WHERE C.USER_ID = ?), 0)")) {
            delete.setString(1, TYPE);
            for (int i = 0; i < users.size(); i++) {
                delete.setString(i + 2, users.get(i).getId());
            }
            delete.executeUpdate();
            for (UserModel user : users) {
                insert.setString(1, KeycloakModelUtils.generateId());
                insert.setString(2, TYPE);
                insert.setString(3, user.getId());
                insert.setLong(4, created);
                insert.setString(5, LABEL);
                insert.setString(6, hash(user, codes.get(user.getId())));
                insert.setString(7, data);
                insert.setString(8, user.getId());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The last day a code printed today works, as the letter says. */
    public static LocalDate lastValidDay() {
        return Instant.ofEpochMilli(Time.currentTimeMillis()).atZone(SchoolCalendar.ZONE).toLocalDate().plusDays(VALIDITY_DAYS);
    }

    /** Whether the code is the learner's current one and still valid; on success it is used up. */
    public boolean redeem(UserModel user, ActivationCode code) {
        byte[] typed = hash(user, code).getBytes(StandardCharsets.US_ASCII);
        for (CredentialModel credential : stored(user)) {
            boolean matches = MessageDigest.isEqual(typed, credential.getSecretData().getBytes(StandardCharsets.US_ASCII));
            if (matches && expiresAt(credential) > Time.currentTimeMillis()) {
                user.credentialManager().removeStoredCredentialById(credential.getId());
                return true;
            }
        }
        return false;
    }

    /** Computes a hash as {@link #redeem} would, for an unknown username: both answers take as long. */
    public void hashForTiming(String username, ActivationCode code) {
        session.getProvider(LeerIdProvider.class).deriver(realm).derive(HASH_PURPOSE, username + "\u0000" + code.canonical());
    }

    public boolean hasPending(UserModel user) {
        return stored(user).stream().anyMatch(c -> expiresAt(c) > Time.currentTimeMillis());
    }

    /** Voids every code and the password: the account waits for its next letter. */
    public void voidCodesAndPassword(UserModel user) {
        void_(user);
        user.credentialManager().getStoredCredentialsByTypeStream(PasswordCredentialModel.TYPE).toList()
                .forEach(c -> user.credentialManager().removeStoredCredentialById(c.getId()));
    }

    private void void_(UserModel user) {
        stored(user).forEach(c -> user.credentialManager().removeStoredCredentialById(c.getId()));
    }

    private List<CredentialModel> stored(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(TYPE).toList();
    }

    private String hash(UserModel user, ActivationCode code) {
        return session.getProvider(LeerIdProvider.class).deriver(realm).derive(HASH_PURPOSE, user.getId() + "\u0000" + code.canonical());
    }

    private static long expiresAt(CredentialModel credential) {
        String data = credential.getCredentialData();
        try {
            return Long.parseLong(data.replaceAll("[^0-9]", ""));
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
