package be.leerid.identifiers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What LeerID's OpenID Connect discovery document advertises: only what LeerID accepts from a service (authorization
 * code with PKCE S256, pairwise subjects, LeerID's own scopes and claims), never what Keycloak could do but LeerID
 * refuses (implicit and hybrid flows, the password grant, {@code plain} PKCE, Keycloak's internal scopes).
 */
public final class Discovery {

    /** The id of LeerID's registration endpoint ({@code /clients-registrations/leerid}); Keycloak's own are closed. */
    public static final String REGISTRATION_PROVIDER = "leerid";
    public static final List<String> RESPONSE_TYPES = List.of("code");
    public static final List<String> GRANT_TYPES = List.of("authorization_code", "refresh_token", "client_credentials");
    public static final List<String> CODE_CHALLENGE_METHODS = List.of("S256");
    public static final List<String> SUBJECT_TYPES = List.of("pairwise");
    /** Approvable per service (a mobile app), refused to every other one. */
    public static final String OFFLINE_ACCESS = "offline_access";
    /** Claims of the protocol itself, not about the person. */
    private static final List<String> PROTOCOL_CLAIMS = List.of("iss", "aud", "exp", "iat", "auth_time", "nonce", "acr", "azp",
            "sid", Claim.SUBJECT_CLAIM);

    private Discovery() {
    }

    /** {@code openid}, LeerID's OIDC scopes, {@code acr} and {@code offline_access}. */
    public static List<String> scopes() {
        List<String> scopes = new ArrayList<>(List.of("openid"));
        Arrays.stream(ClaimScope.values()).map(ClaimScope::oidcName).forEach(scopes::add);
        scopes.add(ClaimScope.ACR);
        scopes.add(OFFLINE_ACCESS);
        return List.copyOf(scopes);
    }

    /** The protocol's claims, the vocabulary's OIDC claims and the former pseudonym after a register merge. */
    public static List<String> claims() {
        List<String> claims = new ArrayList<>(PROTOCOL_CLAIMS);
        Arrays.stream(Claim.values()).map(Claim::oidcName).forEach(claims::add);
        claims.add(Claim.FORMER_SUBJECT_CLAIM);
        return List.copyOf(claims);
    }
}
