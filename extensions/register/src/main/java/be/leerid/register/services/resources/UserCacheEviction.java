package be.leerid.register.services.resources;

import java.util.Collection;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SubjectCredentialManager;
import org.keycloak.models.cache.UserCache;
import org.keycloak.storage.adapter.AbstractInMemoryUserAdapter;

/**
 * Evicts accounts the sync wrote by JDBC from Keycloak's user cache, on every node when the transaction commits,
 * as the user model does after its own changes. Keycloak's cache evicts an account it does not hold by its id,
 * username and email (their lookup entries), which is all it reads of the account handed to it.
 */
final class UserCacheEviction {

    record Account(String id, String username, String email) {
    }

    private UserCacheEviction() {
    }

    static void evict(KeycloakSession session, RealmModel realm, Collection<Account> accounts) {
        UserCache cache = session.getProvider(UserCache.class);
        if (cache != null) {
            accounts.forEach(account -> cache.evict(realm, new Handle(session, realm, account)));
        }
    }

    private static final class Handle extends AbstractInMemoryUserAdapter {
        Handle(KeycloakSession session, RealmModel realm, Account account) {
            super(session, realm, account.id());
            setUsername(account.username());
            setEmail(account.email());
        }

        @Override
        public SubjectCredentialManager credentialManager() {
            throw new UnsupportedOperationException("an eviction handle holds no credentials");
        }
    }
}
