package be.leerid.school.models;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import be.leerid.school.ReferenceCode;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * What a reference code stands for, kept {@value #DAYS} days in Keycloak's cluster-wide single-use store:
 * the account, the reason and when; nothing a page did not already know, no username, no password.
 */
public final class ReferenceCodes {

    public static final int DAYS = 7;
    private static final String PREFIX = "leerid-reference:";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the school sees behind a code. */
    public record Stop(String realmId, String userId, String reasonKey, String clientId, long time) {
    }

    private final KeycloakSession session;

    public ReferenceCodes(KeycloakSession session) {
        this.session = session;
    }

    /** A new code; remembered only if the account is known, so that any page can show one. */
    public ReferenceCode issue(RealmModel realm, String userId, String reasonKey, String clientId) {
        ReferenceCode code = ReferenceCode.random(RANDOM);
        if (userId != null) {
            Map<String, String> notes = new HashMap<>();
            notes.put("realm", realm.getId());
            notes.put("user", userId);
            notes.put("reason", reasonKey);
            notes.put("client", clientId == null ? "" : clientId);
            notes.put("time", Long.toString(Time.currentTimeMillis()));
            session.singleUseObjects().put(PREFIX + code.value(), DAYS * 24L * 3600, notes);
        }
        return code;
    }

    public Optional<Stop> find(RealmModel realm, ReferenceCode code) {
        Map<String, String> notes = session.singleUseObjects().get(PREFIX + code.value());
        if (notes == null || !realm.getId().equals(notes.get("realm"))) {
            return Optional.empty();
        }
        return Optional.of(new Stop(notes.get("realm"), notes.get("user"), notes.get("reason"), notes.get("client"),
                Long.parseLong(notes.get("time"))));
    }
}
