package be.leerid.school.credential;

import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialProviderFactory;
import org.keycloak.models.KeycloakSession;

/** Lets Keycloak's import keep pending activation codes (see {@link StoredHashCredentialProvider}). */
public final class ActivationCodeCredentialProviderFactory implements CredentialProviderFactory<CredentialProvider<?>> {

    public static final String PROVIDER_ID = ActivationCodes.TYPE;

    @Override
    public CredentialProvider<?> create(KeycloakSession session) {
        return new StoredHashCredentialProvider(session, ActivationCodes.TYPE);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
