package be.leerid.school.credential;

import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Keycloak's import (realm import, partial import, {@code kc.sh import}, the admin API's user creation) stores a
 * credential only through the provider of its type. Without one, an exported realm would come back without its
 * badges and activation codes. This stores them as exported: the keyed hash and its public data, never a code.
 * Only the console issues new ones ({@link Badges}, {@link ActivationCodes}).
 */
final class StoredHashCredentialProvider implements CredentialProvider<CredentialModel> {

    private final KeycloakSession session;
    private final String type;

    StoredHashCredentialProvider(KeycloakSession session, String type) {
        this.session = session;
        this.type = type;
    }

    @Override
    public String getType() {
        return type;
    }

    @Override
    public CredentialModel createCredential(RealmModel realm, UserModel user, CredentialModel credential) {
        return user.credentialManager().createStoredCredential(credential);
    }

    @Override
    public boolean deleteCredential(RealmModel realm, UserModel user, String credentialId) {
        return user.credentialManager().removeStoredCredentialById(credentialId);
    }

    @Override
    public CredentialModel getCredentialFromModel(CredentialModel model) {
        return model;
    }

    /** Not something a person sets up or removes in the account console: the school prints and voids it. */
    @Override
    public CredentialTypeMetadata getCredentialTypeMetadata(CredentialTypeMetadataContext metadataContext) {
        return CredentialTypeMetadata.builder().type(type).category(CredentialTypeMetadata.Category.PASSWORDLESS)
                .displayName(type).helpText(type).iconCssClass("kcAuthenticatorDefaultClass").removeable(false).build(session);
    }
}
