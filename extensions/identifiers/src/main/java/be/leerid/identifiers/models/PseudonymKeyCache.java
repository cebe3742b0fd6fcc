package be.leerid.identifiers.models;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import be.leerid.identifiers.InvalidPseudonymKeyException;
import be.leerid.identifiers.PseudonymDeriver;
import be.leerid.identifiers.PseudonymKey;
import be.leerid.identifiers.SubjectUnavailableException;
import be.leerid.identifiers.SubjectUnavailableException.Reason;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.vault.VaultStringSecret;

/**
 * Each realm's pseudonym deriver, keyed from Keycloak's vault entry {@value #VAULT_ENTRY}; one per server,
 * held by the LeerID provider factory.
 *
 * <p>The key lives only in the vault: never in the realm, a mapper's configuration or a log line. A
 * missing or weak key stops pseudonym issuance; there is no fallback.
 */
final class PseudonymKeyCache {

    /** Vault entry name; the files vault stores it as {@code <realm>_pseudonym-key}. */
    static final String VAULT_ENTRY = "pseudonym-key";
    private static final String VAULT_EXPRESSION = "${vault." + VAULT_ENTRY + "}";

    // Derivers are reused while the vault returns the same secret, so a replaced key takes effect
    // without a restart. The vault is asked again only after RECHECK: Keycloak's files vault reads
    // the file on every lookup, which was two thirds of LeerID's share of a token refresh (JFR).
    private static final long RECHECK_NANOS = TimeUnit.SECONDS.toNanos(10);
    private final ConcurrentMap<String, Keyed> derivers = new ConcurrentHashMap<>();

    private record Keyed(String secret, PseudonymDeriver deriver, long readAt) {
    }

    /** @throws SubjectUnavailableException with {@link Reason#NO_KEY} if the vault has no usable key */
    PseudonymDeriver deriver(KeycloakSession session, RealmModel realm) {
        Keyed recent = derivers.get(realm.getId());
        if (recent != null && System.nanoTime() - recent.readAt() < RECHECK_NANOS) {
            return recent.deriver();
        }
        String secret = readSecret(session).orElseThrow(() -> new SubjectUnavailableException(Reason.NO_KEY,
                "realm \"" + realm.getName() + "\" has no pseudonym key: add the vault entry \"" + VAULT_ENTRY
                        + "\" (files vault: file \"" + realm.getName() + "_" + VAULT_ENTRY + "\" in the vault directory)"));
        Keyed keyed = derivers.get(realm.getId());
        if (keyed != null && keyed.secret().equals(secret)) {
            derivers.put(realm.getId(), new Keyed(secret, keyed.deriver(), System.nanoTime()));
            return keyed.deriver();
        }
        PseudonymKey key;
        try {
            key = PseudonymKey.fromBase64(secret);
        } catch (InvalidPseudonymKeyException e) {
            throw new SubjectUnavailableException(Reason.NO_KEY, "realm \"" + realm.getName()
                    + "\" has an unusable pseudonym key in vault entry \"" + VAULT_ENTRY + "\": " + e.getMessage());
        }
        PseudonymDeriver deriver = new PseudonymDeriver(key);
        derivers.put(realm.getId(), new Keyed(secret, deriver, System.nanoTime()));
        return deriver;
    }

    private static Optional<String> readSecret(KeycloakSession session) {
        try (VaultStringSecret secret = session.vault().getStringSecret(VAULT_EXPRESSION)) {
            return secret.get();
        }
    }
}
