package be.leerid.registration.services.clientregistration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import be.leerid.identifiers.ClaimScope;
import be.leerid.identifiers.ClientAttributes;
import be.leerid.registration.ClientPlan;
import be.leerid.registration.SoftwareStatement;
import org.keycloak.models.ClientModel;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.util.JsonSerialization;

/** Keycloak adapter: a {@link ClientPlan} as a Keycloak client, and a registered client as RFC 7591 metadata. */
public final class RegisteredClients {

    /** Client attributes LeerID keeps for a registered service provider. */
    public static final String PROVIDER = "leerid.provider";
    public static final String ORGANISATION = "leerid.kbo";
    public static final String STATEMENT = "leerid.software-statement";
    public static final String CONTACTS = "leerid.contacts";
    public static final String SECTOR = ClientAttributes.SECTOR;
    public static final String SUSPENDED = "leerid.suspended";
    /** Every registered client's default scopes besides the approved ones. */
    static final List<String> ALWAYS = List.of(ClaimScope.PSEUDONYM.oidcName(), ClaimScope.ACR);
    /** Keycloak's own offline_access client scope (it maps the realm role offline_access, which every person has). */
    static final String OFFLINE_ACCESS = org.keycloak.OAuth2Constants.OFFLINE_ACCESS;

    private RegisteredClients() {
    }

    static String newClientId() {
        return "leerid-sp-" + UUID.randomUUID();
    }

    public static boolean isRegistered(ClientModel client) {
        return client != null && client.getAttribute(PROVIDER) != null;
    }

    static ClientRepresentation representation(String clientId, ClientPlan plan) {
        SoftwareStatement statement = plan.statement();
        ClientRepresentation rep = new ClientRepresentation();
        rep.setClientId(clientId);
        rep.setName(plan.clientName());
        rep.setProtocol("openid-connect");
        rep.setEnabled(true);
        rep.setPublicClient(false);
        rep.setBearerOnly(false);
        rep.setClientAuthenticatorType("client-jwt");
        rep.setStandardFlowEnabled(true);
        rep.setImplicitFlowEnabled(false);
        rep.setDirectAccessGrantsEnabled(false);
        rep.setServiceAccountsEnabled(plan.clientCredentials());
        rep.setConsentRequired(false);
        rep.setFullScopeAllowed(false);
        rep.setFrontchannelLogout(false);
        rep.setRedirectUris(plan.redirectUris());
        rep.setWebOrigins(List.of());
        rep.setBaseUrl(plan.clientUri());
        List<String> scopes = new ArrayList<>(ALWAYS);
        plan.scopes().stream().sorted().forEach(scopes::add);
        rep.setDefaultClientScopes(scopes);
        // Offline access only for a service the ministry approved for it (it must ask for it: an optional scope).
        rep.setOptionalClientScopes(statement.offlineAccessApproved() ? List.of(OFFLINE_ACCESS) : List.of());
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("use.jwks.url", "false");
        attributes.put("use.jwks.string", "true");
        attributes.put("jwks.string", plan.jwks());
        attributes.put("token.endpoint.auth.signing.alg", plan.signingAlgorithm());
        attributes.put("pkce.code.challenge.method", "S256");
        attributes.put("oauth2.device.authorization.grant.enabled", "false");
        attributes.put("oidc.ciba.grant.enabled", "false");
        attributes.put("client_credentials.use_refresh_token", "false");
        attributes.put(SECTOR, statement.sector());
        attributes.put(ClientAttributes.ACCESS, statement.access().value());
        attributes.put(PROVIDER, statement.softwareId());
        attributes.put(ORGANISATION, statement.organisationNumber());
        attributes.put(STATEMENT, statement.token());
        attributes.put(CONTACTS, String.join(" ", plan.contacts()));
        attributes.put(SUSPENDED, "false");
        putIfPresent(attributes, ClientAttributes.SSF_RECEIVER, statement.signalReceiver());
        putIfPresent(attributes, "logoUri", plan.logoUri());
        putIfPresent(attributes, "policyUri", plan.policyUri());
        putIfPresent(attributes, "tosUri", plan.tosUri());
        rep.setAttributes(attributes);
        return rep;
    }

    /** RFC 7591 / 7592 response metadata for a registered client. */
    static Map<String, Object> metadata(ClientModel client, String registrationAccessToken, String registrationClientUri) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("client_id", client.getClientId());
        if (registrationAccessToken != null) {
            metadata.put("registration_access_token", registrationAccessToken);
        }
        metadata.put("registration_client_uri", registrationClientUri);
        metadata.put("client_name", client.getName());
        metadata.put("software_id", client.getAttribute(PROVIDER));
        metadata.put("redirect_uris", List.copyOf(client.getRedirectUris()));
        List<String> grants = new ArrayList<>(List.of("authorization_code", "refresh_token"));
        if (client.isServiceAccountsEnabled()) {
            grants.add("client_credentials");
        }
        metadata.put("grant_types", grants);
        metadata.put("response_types", List.of("code"));
        metadata.put("token_endpoint_auth_method", "private_key_jwt");
        metadata.put("token_endpoint_auth_signing_alg", client.getAttribute("token.endpoint.auth.signing.alg"));
        metadata.put("jwks", JsonSerialization.valueFromString(client.getAttribute("jwks.string"), Map.class));
        List<String> scopes = new ArrayList<>(List.of("openid"));
        client.getClientScopes(true).keySet().stream().filter(s -> !ALWAYS.contains(s)).sorted().forEach(scopes::add);
        metadata.put("scope", String.join(" ", scopes));
        metadata.put("subject_type", "pairwise");
        String contacts = client.getAttribute(CONTACTS);
        if (contacts != null && !contacts.isBlank()) {
            metadata.put("contacts", List.of(contacts.split(" ")));
        }
        putIfPresent(metadata, "client_uri", client.getBaseUrl());
        putIfPresent(metadata, "logo_uri", client.getAttribute("logoUri"));
        putIfPresent(metadata, "policy_uri", client.getAttribute("policyUri"));
        putIfPresent(metadata, "tos_uri", client.getAttribute("tosUri"));
        metadata.put("software_statement", client.getAttribute(STATEMENT));
        return metadata;
    }

    private static <V> void putIfPresent(Map<String, V> map, String key, V value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
