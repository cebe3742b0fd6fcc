package be.leerid.school.credential;

import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialProviderFactory;
import org.keycloak.models.KeycloakSession;

/** Lets Keycloak's import keep QR badges (see {@link StoredHashCredentialProvider}). */
public final class BadgeCredentialProviderFactory implements CredentialProviderFactory<CredentialProvider<?>> {

    public static final String PROVIDER_ID = Badges.TYPE;

    @Override
    public CredentialProvider<?> create(KeycloakSession session) {
        return new StoredHashCredentialProvider(session, Badges.TYPE);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
