package be.leerid.registration;

import java.util.List;
import java.util.Set;

/**
 * The client LeerID creates for a registration: what the software statement approves, narrowed by what
 * the provider asked for, never widened. Always pairwise (LeerID pseudonym for the statement's sector),
 * authorization code with PKCE S256, {@code private_key_jwt} with the inline keys.
 *
 * @param scopes the LeerID client scopes the client receives (default scopes)
 * @param jwks the client's public keys, as a JWK Set JSON without any private part
 */
public record ClientPlan(String clientName, List<String> redirectUris, Set<String> scopes, boolean clientCredentials,
                         String jwks, String signingAlgorithm, List<String> contacts, String clientUri, String logoUri,
                         String policyUri, String tosUri, SoftwareStatement statement) {

    public ClientPlan {
        redirectUris = List.copyOf(redirectUris);
        scopes = Set.copyOf(scopes);
        contacts = List.copyOf(contacts);
    }
}
