package be.leerid.school.credential;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

import be.leerid.identifiers.UserAttributes;
import be.leerid.identifiers.models.LeerIdProvider;
import be.leerid.school.BadgeCode;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.util.JsonSerialization;

/**
 * A learner's QR badge, kept as a credential of its own type: only a keyed hash of its secret (HMAC with the
 * realm's vault key, bound to the account and the badge id), never the secret, and the school that printed it.
 * The badge id is also a user attribute ({@link UserAttributes#BADGE}), which finds the account at login. A
 * learner has at most one badge: printing a new one voids the old one.
 */
public final class Badges {

    public static final String TYPE = "leerid-badge";
    /** Marks the sessions a badge opened, so voiding it ends exactly those. */
    public static final String SESSION_NOTE = "leerid.badge";
    /** What the keyed hash is for, so it can never collide with a pseudonym, a code or another hash. */
    private static final String HASH_PURPOSE = "urn:be:leerid:badge";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeycloakSession session;
    private final RealmModel realm;

    public Badges(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** Whose badge it is, and the school that printed it. */
    public record Holder(UserModel user, String school) {
    }

    /** A new badge, printed by the school; the learner's earlier badge stops at once, with its sessions. */
    public BadgeCode issue(UserModel user, String school) {
        voidBadge(user);
        BadgeCode code = BadgeCode.random(RANDOM);
        CredentialModel credential = new CredentialModel();
        credential.setType(TYPE);
        credential.setUserLabel("LeerID badge");
        credential.setCreatedDate(Time.currentTimeMillis());
        credential.setSecretData(hash(user.getId(), code));
        try {
            credential.setCredentialData(JsonSerialization.writeValueAsString(new BadgeData(code.id(), school)));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        user.credentialManager().createStoredCredential(credential);
        user.setSingleAttribute(UserAttributes.BADGE, code.id());
        return code;
    }

    /** The holder of this badge if the code is its current one; empty for an unknown, wrong or voided badge alike. */
    public Optional<Holder> holder(BadgeCode code) {
        List<UserModel> users = session.users().searchForUserByUserAttributeStream(realm, UserAttributes.BADGE, code.id())
                .limit(2).toList();
        if (users.size() != 1) {
            hash(code.id(), code);  // as long as a real check takes
            return Optional.empty();
        }
        UserModel user = users.get(0);
        byte[] typed = hash(user.getId(), code).getBytes(StandardCharsets.US_ASCII);
        return stored(user).stream()
                .filter(c -> MessageDigest.isEqual(typed, c.getSecretData().getBytes(StandardCharsets.US_ASCII)))
                .map(c -> new Holder(user, data(c).school()))
                .filter(h -> h.school() != null)
                .findFirst();
    }

    /** The school that printed the learner's current badge, if there is one. */
    public Optional<String> printedBy(UserModel user) {
        return stored(user).stream().map(c -> data(c).school()).filter(s -> s != null).findFirst();
    }

    /** The school that printed the learner's badge got a new institution number: the badge keeps working. */
    public boolean renumber(UserModel user, String old, String renumbered) {
        boolean changed = false;
        for (CredentialModel credential : stored(user)) {
            BadgeData data = data(credential);
            if (old.equals(data.school())) {
                try {
                    credential.setCredentialData(JsonSerialization.writeValueAsString(new BadgeData(data.badge(), renumbered)));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
                user.credentialManager().updateStoredCredential(credential);
                changed = true;
            }
        }
        return changed;
    }

    /** Voids the learner's badge and ends the sessions it opened; false if there was none. */
    public boolean voidBadge(UserModel user) {
        String id = user.getFirstAttribute(UserAttributes.BADGE);
        List<CredentialModel> stored = stored(user);
        stored.forEach(c -> user.credentialManager().removeStoredCredentialById(c.getId()));
        user.removeAttribute(UserAttributes.BADGE);
        if (id != null) {
            List<UserSessionModel> opened = session.sessions().getUserSessionsStream(realm, user)
                    .filter(s -> id.equals(s.getNote(SESSION_NOTE))).toList();
            opened.forEach(s -> session.sessions().removeUserSession(realm, s));
        }
        return id != null || !stored.isEmpty();
    }

    private List<CredentialModel> stored(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(TYPE).toList();
    }

    private String hash(String accountId, BadgeCode code) {
        return session.getProvider(LeerIdProvider.class).deriver(realm)
                .derive(HASH_PURPOSE, accountId + "\u0000" + code.id() + "\u0000" + code.secret());
    }

    private static BadgeData data(CredentialModel credential) {
        try {
            return JsonSerialization.readValue(credential.getCredentialData(), BadgeData.class);
        } catch (java.io.IOException | RuntimeException e) {
            return new BadgeData(null, null);
        }
    }

    /** The credential's public data: the badge id and the school that printed it. */
    public record BadgeData(String badge, String school) {
    }
}
