package be.leerid.registration;

import java.net.URI;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * LeerID's rules for a registered client, whatever the request says: the software statement is the
 * ceiling, the request can only narrow it. Used for registration and for every RFC 7592 update.
 */
public final class RegistrationPolicy {

    public static final int MAX_REDIRECT_URIS = 20;
    static final String AUTHORIZATION_CODE = "authorization_code";
    static final String REFRESH_TOKEN = "refresh_token";
    static final String CLIENT_CREDENTIALS = "client_credentials";
    static final String PRIVATE_KEY_JWT = "private_key_jwt";
    private static final Set<String> SIGNING_ALGORITHMS = Set.of("RS256", "PS256", "ES256");
    private static final int MAX_KEYS = 5;

    private RegistrationPolicy() {
    }

    public static ClientPlan plan(RegistrationRequest request, SoftwareStatement statement) throws RegistrationException {
        if (request.softwareId() != null && !request.softwareId().equals(statement.softwareId())) {
            throw RegistrationException.metadata("software_id differs from the software statement's");
        }
        if (request.subjectType() != null && !request.subjectType().equals("pairwise")) {
            throw RegistrationException.metadata("subject_type must be pairwise: every LeerID service gets its own pseudonym");
        }
        List<String> redirectUris = redirectUris(request.redirectUris(), statement);
        boolean clientCredentials = grantTypes(request.grantTypes(), statement);
        responseTypes(request.responseTypes());
        String method = request.tokenEndpointAuthMethod() == null ? PRIVATE_KEY_JWT : request.tokenEndpointAuthMethod();
        if (!PRIVATE_KEY_JWT.equals(method)) {
            throw RegistrationException.metadata("token_endpoint_auth_method must be private_key_jwt (\"" + method
                    + "\" is not allowed): the client proves itself with a key from its jwks");
        }
        JWKSet keys = publicKeys(request.jwks());
        String algorithm = signingAlgorithm(request.tokenEndpointAuthSigningAlg(), keys);
        Set<String> scopes = scopes(request.scope(), statement);
        List<String> contacts = request.contacts() == null ? statement.contacts() : contacts(request.contacts());
        return new ClientPlan(statement.clientName(), redirectUris, scopes, clientCredentials,
                keys.toString(true), algorithm, contacts,
                siteAddress("client_uri", request.clientUri(), statement),
                siteAddress("logo_uri", request.logoUri(), statement),
                request.policyUri() == null ? statement.policyUri() : siteAddress("policy_uri", request.policyUri(), statement),
                request.tosUri() == null ? statement.tosUri() : siteAddress("tos_uri", request.tosUri(), statement),
                statement);
    }

    static List<String> redirectUris(List<String> requested, SoftwareStatement statement) throws RegistrationException {
        if (requested == null || requested.isEmpty()) {
            throw new RegistrationException(RegistrationException.INVALID_REDIRECT_URI, "redirect_uris is required");
        }
        if (requested.size() > MAX_REDIRECT_URIS) {
            throw new RegistrationException(RegistrationException.INVALID_REDIRECT_URI,
                    "at most " + MAX_REDIRECT_URIS + " redirect_uris are allowed");
        }
        LinkedHashSet<String> accepted = new LinkedHashSet<>();
        for (String uri : requested) {
            String problem = WebAddresses.problem(uri);
            if (problem != null) {
                throw new RegistrationException(RegistrationException.INVALID_REDIRECT_URI,
                        "redirect URI \"" + shorten(uri) + "\" " + problem);
            }
            String host = URI.create(uri).getHost();
            if (!statement.redirectHosts().contains(host)) {
                throw new RegistrationException(RegistrationException.INVALID_REDIRECT_URI,
                        "redirect URI host \"" + host + "\" is not one of the software statement's redirect_hosts "
                                + statement.redirectHosts());
            }
            accepted.add(uri);
        }
        return List.copyOf(accepted);
    }

    private static boolean grantTypes(List<String> requested, SoftwareStatement statement) throws RegistrationException {
        List<String> grants = requested == null ? List.of(AUTHORIZATION_CODE) : requested;
        boolean clientCredentials = false;
        for (String grant : grants) {
            switch (grant) {
                case AUTHORIZATION_CODE, REFRESH_TOKEN -> { }
                case CLIENT_CREDENTIALS -> {
                    if (!statement.clientCredentialsAllowed()) {
                        throw RegistrationException.metadata("grant type client_credentials is not approved in the software statement");
                    }
                    clientCredentials = true;
                }
                default -> throw RegistrationException.metadata("grant type \"" + shorten(grant) + "\" is not allowed: "
                        + "LeerID clients use the authorization code flow with PKCE");
            }
        }
        return clientCredentials;
    }

    private static void responseTypes(List<String> requested) throws RegistrationException {
        if (requested != null && !requested.equals(List.of("code"))) {
            throw RegistrationException.metadata("response_types must be [\"code\"]: no implicit or hybrid flow");
        }
    }

    private static JWKSet publicKeys(String jwks) throws RegistrationException {
        if (jwks == null) {
            throw RegistrationException.metadata("jwks is required: the client's public keys for private_key_jwt, inline");
        }
        JWKSet set;
        try {
            set = JWKSet.parse(jwks);
        } catch (ParseException e) {
            throw RegistrationException.metadata("jwks is not a valid JSON Web Key Set");
        }
        if (set.getKeys().isEmpty() || set.getKeys().size() > MAX_KEYS) {
            throw RegistrationException.metadata("jwks must hold 1 to " + MAX_KEYS + " keys");
        }
        List<JWK> keys = new ArrayList<>();
        for (JWK key : set.getKeys()) {
            if (key.isPrivate()) {
                throw RegistrationException.metadata("jwks holds a private key: send public keys only, and replace that key");
            }
            if (key.getKeyID() == null || key.getKeyID().isBlank()) {
                throw RegistrationException.metadata("every key in jwks needs a kid");
            }
            if (key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse())) {
                throw RegistrationException.metadata("key " + key.getKeyID() + " is not a signature key");
            }
            if (key instanceof RSAKey rsa && rsa.size() < 2048) {
                throw RegistrationException.metadata("RSA key " + key.getKeyID() + " is shorter than 2048 bits");
            }
            if (key instanceof ECKey ec && !Curve.P_256.equals(ec.getCurve())) {
                throw RegistrationException.metadata("EC key " + key.getKeyID() + " must use P-256");
            }
            if (!(key instanceof RSAKey) && !(key instanceof ECKey)) {
                throw RegistrationException.metadata("key " + key.getKeyID() + " must be RSA or EC");
            }
            // Keycloak ignores inline keys without "use"; these can only be signature keys.
            keys.add(key instanceof RSAKey rsa ? new RSAKey.Builder(rsa).keyUse(KeyUse.SIGNATURE).build()
                    : new ECKey.Builder((ECKey) key).keyUse(KeyUse.SIGNATURE).build());
        }
        return new JWKSet(keys);
    }

    private static String signingAlgorithm(String requested, JWKSet keys) throws RegistrationException {
        if (requested == null) {
            return keys.getKeys().get(0) instanceof ECKey ? "ES256" : "RS256";
        }
        if (!SIGNING_ALGORITHMS.contains(requested)) {
            throw RegistrationException.metadata("token_endpoint_auth_signing_alg must be one of " + SIGNING_ALGORITHMS);
        }
        return requested;
    }

    static Set<String> scopes(String requested, SoftwareStatement statement) throws RegistrationException {
        if (requested == null || requested.isBlank()) {
            return statement.scopes();
        }
        Set<String> scopes = new LinkedHashSet<>();
        for (String scope : requested.trim().split(" +")) {
            if (scope.equals("openid")) {
                continue;
            }
            if (!statement.scopes().contains(scope)) {
                throw RegistrationException.metadata("scope \"" + shorten(scope) + "\" is not approved in the software statement");
            }
            scopes.add(scope);
        }
        return scopes;
    }

    private static List<String> contacts(List<String> requested) throws RegistrationException {
        if (requested.size() > 10) {
            throw RegistrationException.metadata("at most 10 contacts");
        }
        for (String contact : requested) {
            if (!HostNames.isEmailAddress(contact)) {
                throw RegistrationException.metadata("contacts: \"" + shorten(contact) + "\" is not an e-mail address");
            }
        }
        return requested;
    }

    /** Addresses shown to people (logo, home, policy, terms): https within the statement's sector; never fetched. */
    private static String siteAddress(String field, String address, SoftwareStatement statement) throws RegistrationException {
        if (address == null) {
            return null;
        }
        String problem = WebAddresses.problem(address);
        if (problem != null) {
            throw RegistrationException.metadata(field + " " + problem);
        }
        if (!HostNames.isWithin(URI.create(address).getHost(), statement.sector())) {
            throw RegistrationException.metadata(field + " must be within the software statement's sector " + statement.sector());
        }
        return address;
    }

    private static String shorten(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 80 ? printable : printable.substring(0, 80) + "...";
    }
}
