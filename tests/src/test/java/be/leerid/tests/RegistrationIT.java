package be.leerid.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.client.ClientDeleteRequest;
import com.nimbusds.oauth2.sdk.client.ClientInformation;
import com.nimbusds.oauth2.sdk.client.ClientInformationResponse;
import com.nimbusds.oauth2.sdk.client.ClientMetadata;
import com.nimbusds.oauth2.sdk.client.ClientReadRequest;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationErrorResponse;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationRequest;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationResponse;
import com.nimbusds.oauth2.sdk.client.ClientUpdateRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Service providers register their own OIDC clients (RFC 7591) with a software statement and manage them
 * (RFC 7592), with Nimbus oauth2-oidc-sdk as the provider's client; every bad input is refused with its
 * RFC 7591 error and creates nothing.
 */
@KeycloakIntegrationTest(config = LeerIdServerConfig.class)
class RegistrationIT extends LeerIdTestBase {

    private final List<String> registered = new ArrayList<>();

    @AfterEach
    void removeRegisteredClients() {
        for (String clientId : registered) {
            realm.admin().clients().findByClientId(clientId).forEach(c -> realm.admin().clients().get(c.getId()).remove());
        }
    }

    private URI endpoint() {
        return URI.create(realm.getBaseUrl() + "/clients-registrations/leerid");
    }

    private ClientInformation registerWithNimbus(ServiceProvider provider) throws Exception {
        return registerWithNimbus(provider, ServiceProvider.statement());
    }

    private ClientInformation registerWithNimbus(ServiceProvider provider, String statement) throws Exception {
        ClientMetadata metadata = new ClientMetadata();
        metadata.setRedirectionURI(ServiceProvider.CALLBACK);
        metadata.setGrantTypes(Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN));
        metadata.setResponseTypes(Set.of(ResponseType.CODE));
        metadata.setTokenEndpointAuthMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT);
        metadata.setJWKSet(new JWKSet(provider.key.toPublicJWK()));
        metadata.setScope(Scope.parse("openid leerid-affiliation leerid-school"));
        ClientRegistrationRequest request = new ClientRegistrationRequest(endpoint(), metadata,
                SignedJWT.parse(statement), null);
        ClientRegistrationResponse response = ClientRegistrationResponse.parse(request.toHTTPRequest().send());
        if (response instanceof ClientRegistrationErrorResponse error) {
            throw new AssertionError("registration refused: " + error.getErrorObject().toJSONObject());
        }
        ClientInformation client = ((ClientInformationResponse) response).getClientInformation();
        registered.add(client.getID().getValue());
        return client;
    }

    /** oidcc-refresh-token: offline access for a service the ministry approved for it, invalid_scope for any other. */
    @Test
    void offlineAccessOnlyForAServiceApprovedForIt() throws Exception {
        ServiceProvider app = new ServiceProvider(realm.getBaseUrl());
        ClientInformation approved = registerWithNimbus(app, ServiceProvider.sign(ServiceProvider.authorityKey(),
                ServiceProvider.approval().claim("software_id", "bingel-app").claim("leerid_sector", "app.bingel.be")
                        .claim("leerid_offline_access", true).build()));
        OidcService mobile = OidcService.withPrivateKey(provider(), approved.getID().getValue(), app.key);
        try (Browser browser = new Browser()) {
            OidcService.Login login = mobile.login(ServiceProvider.CALLBACK, "openid offline_access");
            browser.open(login.requestUri).login(LOTTE, LOTTE_PASSWORD);
            OidcService.Tokens tokens = login.redeem(browser);
            assertEquals("Offline", SignedJWT.parse(tokens.refreshToken().getValue()).getJWTClaimsSet().getStringClaim("typ"));
            Object refreshed = mobile.refresh(tokens);
            assertTrue(refreshed instanceof OidcService.Tokens, String.valueOf(refreshed));
            assertEquals(tokens.idToken().getSubject(), ((OidcService.Tokens) refreshed).idToken().getSubject());
        }

        ServiceProvider web = new ServiceProvider(realm.getBaseUrl());
        ClientInformation plain = registerWithNimbus(web);
        OidcService site = OidcService.withPrivateKey(provider(), plain.getID().getValue(), web.key);
        try (Browser browser = new Browser()) {
            OidcService.Login login = site.login(ServiceProvider.CALLBACK, "openid offline_access");
            browser.open(login.requestUri);
            AuthenticationResponse response = login.response(browser);
            assertTrue(response instanceof AuthenticationErrorResponse error && "invalid_scope".equals(error.getErrorObject().getCode()),
                    response.indicatesSuccess() ? "a code was issued" : ((AuthenticationErrorResponse) response).getErrorObject().toString());
        }
    }

    @Test
    void registeredProviderLogsInWithPrivateKeyJwtAndGetsItsSectorPseudonym() throws Exception {
        ServiceProvider provider = new ServiceProvider(realm.getBaseUrl());
        ClientInformation client = registerWithNimbus(provider);
        assertNotNull(client.getRegistrationAccessToken());
        assertEquals(endpoint() + "/" + client.getID().getValue(), client.getRegistrationURI().toString());
        assertEquals("pairwise", client.getMetadata().getCustomField("subject_type"));

        ClientRepresentation kc = realm.admin().clients().findByClientId(client.getID().getValue()).get(0);
        assertEquals("Bingel", kc.getName());
        assertEquals("client-jwt", kc.getClientAuthenticatorType());
        assertFalse(kc.isImplicitFlowEnabled() || kc.isDirectAccessGrantsEnabled() || kc.isServiceAccountsEnabled());
        assertEquals("S256", kc.getAttributes().get("pkce.code.challenge.method"));
        assertEquals("open", kc.getAttributes().get("leerid.access"), "the access mode the operator signed");

        OidcService bingel = OidcService.withPrivateKey(provider(), client.getID().getValue(), provider.key);
        try (Browser browser = new Browser()) {
            OidcService.Login login = bingel.login(ServiceProvider.CALLBACK, "openid");
            browser.open(login.requestUri).login(LOTTE, LOTTE_PASSWORD);
            OidcService.Tokens tokens = login.redeem(browser);
            assertEquals(DEV_DERIVER.derive(ServiceProvider.SECTOR, LOTTE_LEERID), tokens.idToken().getSubject().getValue());
            UserInfo info = bingel.userInfo(tokens.accessToken());
            assertEquals(List.of("012345"), info.getStringListClaim("ov_orgcode"));
            assertEquals(List.of("student", "member"), info.getStringListClaim("eduperson_affiliation"));
            assertFalse(info.toJSONObject().containsKey("given_name"), "names are not approved for this provider");
            assertFalse(info.toJSONObject().toString().contains(LOTTE_LEERID), "the raw LeerID is not approved");
        }

        // The provider reads which schools use its service with its registration access token (an open service: none
        // to list); a token that is not its current one reads nothing.
        URI schools = URI.create(realm.getBaseUrl() + "/leerid-service-schools?client_id=" + client.getID().getValue());
        ServiceProvider.Answer read = provider.send("GET", schools, null, client.getRegistrationAccessToken().getValue());
        assertEquals(200, read.status(), read.body());
        assertEquals("open", read.json().get("access"));
        assertEquals(List.of(), read.json().get("schools"));
        assertEquals(401, provider.send("GET", schools, null, operatorToken()).status());
    }

    @Test
    void rfc7592ReadUpdateDeleteAndNoWidening() throws Exception {
        ServiceProvider provider = new ServiceProvider(realm.getBaseUrl());
        ClientInformation client = registerWithNimbus(provider);
        URI clientUri = client.getRegistrationURI();
        BearerAccessToken token = client.getRegistrationAccessToken();

        ClientInformationResponse read = (ClientInformationResponse) ClientRegistrationResponse.parse(
                new ClientReadRequest(clientUri, token).toHTTPRequest().send());
        assertEquals(client.getID(), read.getClientInformation().getID());
        token = read.getClientInformation().getRegistrationAccessToken() != null
                ? read.getClientInformation().getRegistrationAccessToken() : token;

        // Narrowing is fine: fewer scopes, another path on an approved host.
        ClientMetadata narrower = new ClientMetadata(client.getMetadata());
        narrower.setRedirectionURIs(Set.of(URI.create("https://app.bingel.be/leerid/other")));
        narrower.setScope(Scope.parse("openid leerid-affiliation"));
        ClientRegistrationResponse updated = ClientRegistrationResponse.parse(
                new ClientUpdateRequest(clientUri, client.getID(), token, narrower, null).toHTTPRequest().send());
        ClientInformation afterUpdate = assertInstanceOf(ClientInformationResponse.class, updated,
                () -> ((ClientRegistrationErrorResponse) updated).getErrorObject().toJSONObject().toString()).getClientInformation();
        ClientRepresentation kc = realm.admin().clients().findByClientId(client.getID().getValue()).get(0);
        assertEquals(List.of("https://app.bingel.be/leerid/other"), kc.getRedirectUris());
        assertFalse(kc.getDefaultClientScopes().contains("leerid-school"));
        token = afterUpdate.getRegistrationAccessToken();

        // Widening is not: a scope, a host, a grant the statement does not approve; nor a self-made statement.
        for (Consumer<Map<String, Object>> widen : List.<Consumer<Map<String, Object>>>of(
                m -> m.put("scope", "openid leerid-affiliation leerid-name"),
                m -> m.put("redirect_uris", List.of("https://evil.example/cb")),
                m -> m.put("grant_types", List.of("authorization_code", "client_credentials")),
                m -> m.put("software_statement", ServiceProvider.sign(provider.key,
                        ServiceProvider.approval().claim("scope", "leerid-affiliation leerid-name").build())))) {
            Map<String, Object> metadata = provider.metadata(null);
            metadata.put("client_id", client.getID().getValue());
            widen.accept(metadata);
            ServiceProvider.Answer answer = provider.send("PUT", clientUri,
                    com.nimbusds.jose.util.JSONObjectUtils.toJSONString(metadata), token.getValue());
            assertEquals(400, answer.status(), answer.body());
            assertTrue(Set.of("invalid_client_metadata", "invalid_redirect_uri", "invalid_software_statement",
                    "unapproved_software_statement").contains(answer.error()), answer.body());
        }
        ClientRepresentation unchanged = realm.admin().clients().findByClientId(client.getID().getValue()).get(0);
        assertEquals(kc.getRedirectUris(), unchanged.getRedirectUris());
        assertEquals(Set.copyOf(kc.getDefaultClientScopes()), Set.copyOf(unchanged.getDefaultClientScopes()));
        assertFalse(unchanged.isServiceAccountsEnabled());

        // Another client's token reads nothing.
        ClientInformation other = registerWithNimbus(new ServiceProvider(realm.getBaseUrl()));
        HTTPResponse foreign = new ClientReadRequest(clientUri, other.getRegistrationAccessToken()).toHTTPRequest().send();
        assertTrue(foreign.getStatusCode() == 401 || foreign.getStatusCode() == 403, "status " + foreign.getStatusCode());

        HTTPResponse deleted = new ClientDeleteRequest(clientUri, token).toHTTPRequest().send();
        assertEquals(204, deleted.getStatusCode(), deleted.getBody());
        assertTrue(realm.admin().clients().findByClientId(client.getID().getValue()).isEmpty());
    }

    @Test
    void operatorSeesProvidersAndSuspensionStopsTokensAtOnce() throws Exception {
        ServiceProvider provider = new ServiceProvider(realm.getBaseUrl());
        ClientInformation client = registerWithNimbus(provider);
        OidcService bingel = OidcService.withPrivateKey(provider(), client.getID().getValue(), provider.key);
        OidcService.Tokens tokens;
        try (Browser browser = new Browser()) {
            OidcService.Login login = bingel.login(ServiceProvider.CALLBACK, "openid");
            browser.open(login.requestUri).login(LOTTE, LOTTE_PASSWORD);
            tokens = login.redeem(browser);
        }
        assertNotNull(bingel.userInfo(tokens.accessToken()).getSubject());

        String operator = operatorToken();
        URI directory = URI.create(realm.getBaseUrl() + "/leerid-providers");
        ServiceProvider.Answer list = provider.send("GET", directory, null, operator);
        assertEquals(200, list.status(), list.body());
        assertTrue(list.body().contains("\"software_id\":\"bingel\"") && list.body().contains("leerid-school")
                && list.body().contains("\"raw_leerid\":false"), list.body());
        assertEquals(401, provider.send("GET", directory, null, null).status());

        // The provider registered a back-channel logout endpoint: the suspension ends its sessions there too.
        try (LogoutReceiver receiver = new LogoutReceiver()) {
            var registered = realm.admin().clients().get(realm.admin().clients().findByClientId(client.getID().getValue()).get(0).getId());
            ClientRepresentation representation = registered.toRepresentation();
            representation.getAttributes().put("backchannel.logout.url", receiver.url());
            representation.getAttributes().put("backchannel.logout.session.required", "true");
            representation.setFrontchannelLogout(false);
            registered.update(representation);

            ServiceProvider.Answer suspended = provider.send("POST",
                    URI.create(directory + "/" + client.getID().getValue() + "/suspend"), null, operator);
            assertEquals(200, suspended.status(), suspended.body());
            var logout = new com.nimbusds.openid.connect.sdk.validators.LogoutTokenValidator(provider().getIssuer(), client.getID(),
                    com.nimbusds.jose.JWSAlgorithm.RS256, provider().getJWKSetURI().toURL(), null)
                    .validate(com.nimbusds.jwt.JWTParser.parse(receiver.token()));
            assertEquals(tokens.idToken().getSubject(), logout.getSubject());
        }
        String clientUuid = realm.admin().clients().findByClientId(client.getID().getValue()).get(0).getId();
        assertTrue(realm.admin().getAdminEvents().stream().anyMatch(e -> ("clients/" + clientUuid + "/provider-suspend").equals(e.getResourcePath())),
                "the suspension is an admin event");

        assertThrowsAssertion(() -> bingel.userInfo(tokens.accessToken()));
        assertInstanceOf(com.nimbusds.oauth2.sdk.ErrorObject.class, bingel.refresh(tokens));
        try (Browser browser = new Browser()) {
            OidcService.Login login = bingel.login(ServiceProvider.CALLBACK, "openid");
            browser.open(login.requestUri);
            assertFalse(browser.showsLoginForm(), "a suspended provider's login must not start");
        }
    }

    private String operatorToken() throws Exception {
        String id = realm.admin().clients().findByClientId("leerid-onboarding").get(0).getId();
        return RegisterClient.clientCredentialsToken(provider().getTokenEndpointURI(), "leerid-onboarding",
                realm.admin().clients().get(id).getSecret().getValue());
    }

    private static void assertThrowsAssertion(org.junit.jupiter.api.function.Executable call) {
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, call);
    }

    /** Every bad input: the RFC 7591 error code, a description, and no client created. */
    static Stream<Arguments> badRegistrations() {
        return Stream.of(
                bad("no software statement", "invalid_software_statement", (p, m) -> m.remove("software_statement")),
                bad("expired statement", "invalid_software_statement", (p, m) -> m.put("software_statement",
                        ServiceProvider.sign(ServiceProvider.authorityKey(), ServiceProvider.approval()
                                .expirationTime(new Date(System.currentTimeMillis() - 3_600_000)).build()))),
                bad("statement not yet valid", "invalid_software_statement", (p, m) -> m.put("software_statement",
                        ServiceProvider.sign(ServiceProvider.authorityKey(), ServiceProvider.approval()
                                .notBeforeTime(new Date(System.currentTimeMillis() + 3_600_000)).build()))),
                bad("statement signed by an unknown key", "unapproved_software_statement", (p, m) -> m.put("software_statement",
                        ServiceProvider.sign(p.key, ServiceProvider.approval().build()))),
                bad("alg none", "invalid_software_statement", (p, m) -> m.put("software_statement",
                        new PlainJWT(ServiceProvider.approval().build()).serialize())),
                bad("HS256 with the public key as secret", "invalid_software_statement", (p, m) -> m.put("software_statement",
                        hmacWithPublicKey())),
                bad("tampered payload", "invalid_software_statement", (p, m) -> m.put("software_statement", tampered())),
                bad("statement for another service's sector", "unapproved_software_statement", (p, m) -> m.put("software_statement",
                        ServiceProvider.sign(ServiceProvider.authorityKey(), ServiceProvider.approval()
                                .claim("leerid_sector", "smartschool.be").claim("redirect_hosts", List.of("bingel.smartschool.be")).build()))),
                redirect("http", "http://app.bingel.be/leerid/callback"),
                redirect("wildcard", "https://app.bingel.be/*"),
                redirect("fragment", "https://app.bingel.be/leerid/callback#x"),
                redirect("javascript", "JavaScript:alert(document.cookie)"),
                redirect("data", "data:text/html,<script>alert(1)</script>"),
                redirect("IP literal", "https://192.168.1.10/leerid/callback"),
                redirect("localhost", "https://localhost/leerid/callback"),
                redirect("userinfo", "https://app.bingel.be@evil.example/leerid/callback"),
                redirect("host not in statement", "https://evil.example/leerid/callback"),
                redirect("punycode look-alike", "https://xn--pp-bingel-r7a.be/leerid/callback"),
                bad("more than 20 redirect URIs", "invalid_redirect_uri", (p, m) -> m.put("redirect_uris",
                        java.util.stream.IntStream.range(0, 21).mapToObj(i -> "https://app.bingel.be/cb" + i).toList())),
                bad("scope beyond the statement", "invalid_client_metadata", (p, m) -> m.put("scope", "openid leerid-name")),
                bad("implicit grant", "invalid_client_metadata", (p, m) -> m.put("grant_types", List.of("implicit"))),
                bad("password grant", "invalid_client_metadata", (p, m) -> m.put("grant_types", List.of("password"))),
                bad("client credentials not approved", "invalid_client_metadata",
                        (p, m) -> m.put("grant_types", List.of("client_credentials"))),
                bad("token_endpoint_auth_method none", "invalid_client_metadata",
                        (p, m) -> m.put("token_endpoint_auth_method", "none")),
                bad("Keycloak-internal field", "invalid_client_metadata",
                        (p, m) -> m.put("attributes", Map.of("pkce.code.challenge.method", "plain"))),
                bad("protocol mappers", "invalid_client_metadata", (p, m) -> m.put("protocolMappers", List.of(Map.of(
                        "name", "all", "protocol", "openid-connect", "protocolMapper", "oidc-usermodel-attribute-mapper",
                        "config", Map.of("user.attribute", "leerid", "claim.name", "leerid"))))));
    }

    private interface Bend {
        void apply(ServiceProvider provider, Map<String, Object> metadata);
    }

    private static Arguments bad(String name, String error, Bend bend) {
        return Arguments.of(name, error, bend);
    }

    private static Arguments redirect(String name, String uri) {
        return bad("redirect URI: " + name, "invalid_redirect_uri", (p, m) -> m.put("redirect_uris", List.of(uri)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRegistrations")
    void badRegistrationIsRefusedAndCreatesNothing(String name, String error, Bend bend) {
        ServiceProvider provider = new ServiceProvider(realm.getBaseUrl());
        Map<String, Object> metadata = provider.metadata(ServiceProvider.statement());
        bend.apply(provider, metadata);
        int clients = realm.admin().clients().findAll().size();
        ServiceProvider.Answer answer = provider.register(metadata);
        assertEquals(400, answer.status(), answer.body());
        assertEquals(error, answer.error(), answer.body());
        assertFalse(answer.string("error_description").isBlank());
        assertEquals(clients, realm.admin().clients().findAll().size(), "a refused registration created a client");
    }

    @Test
    void malformedOrHugeMetadataIsRefused() {
        ServiceProvider provider = new ServiceProvider(realm.getBaseUrl());
        int clients = realm.admin().clients().findAll().size();
        for (String body : List.of("{\"redirect_uris\": [\"https://app.bingel.be/cb\"", "[1,2,3]", "",
                "{\"client_name\": \"" + "x".repeat(70 * 1024) + "\"}")) {
            ServiceProvider.Answer answer = provider.send("POST", endpoint(), body, null);
            assertEquals(400, answer.status(), answer.body().length() > 300 ? answer.body().substring(0, 300) : answer.body());
            assertEquals("invalid_client_metadata", answer.error());
        }
        assertEquals(clients, realm.admin().clients().findAll().size());
    }

    @Test
    void addressesLeerIdWouldFetchAreRefusedWithoutAnyRequest() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer listener = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        listener.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        listener.start();
        try {
            String internal = "http://127.0.0.1:" + listener.getAddress().getPort();
            ServiceProvider provider = new ServiceProvider(realm.getBaseUrl());
            for (Map.Entry<String, Object> field : Map.<String, Object>of(
                    "jwks_uri", internal + "/jwks",
                    "sector_identifier_uri", internal + "/sector",
                    "logo_uri", internal + "/logo.png",
                    "request_uris", List.of(internal + "/request")).entrySet()) {
                Map<String, Object> metadata = provider.metadata(ServiceProvider.statement());
                metadata.put(field.getKey(), field.getValue());
                ServiceProvider.Answer answer = provider.register(metadata);
                assertEquals(400, answer.status(), field.getKey() + ": " + answer.body());
                assertEquals("invalid_client_metadata", answer.error(), answer.body());
            }
            Thread.sleep(500);
            assertEquals(0, requests.get(), "LeerID made a request to an internal address");
        } finally {
            listener.stop(0);
        }
    }

    @Test
    void keycloaksOwnRegistrationEndpointsAreClosed() {
        ServiceProvider provider = new ServiceProvider(realm.getBaseUrl());
        int clients = realm.admin().clients().findAll().size();
        // Minimal RFC 7591 metadata Keycloak's own endpoint would accept: its registration policies refuse it.
        String oidc = "{\"redirect_uris\":[\"https://app.bingel.be/leerid/callback\"],\"client_name\":\"sneaky\"}";
        ServiceProvider.Answer viaOidc = provider.send("POST",
                URI.create(realm.getBaseUrl() + "/clients-registrations/openid-connect"), oidc, null);
        ServiceProvider.Answer viaDefault = provider.send("POST", URI.create(realm.getBaseUrl() + "/clients-registrations/default"),
                "{\"clientId\":\"sneaky\",\"redirectUris\":[\"https://app.bingel.be/*\"]}", null);
        assertTrue(viaOidc.status() == 401 || viaOidc.status() == 403, viaOidc.body());
        assertTrue(viaDefault.status() == 401 || viaDefault.status() == 403, viaDefault.body());
        assertEquals(clients, realm.admin().clients().findAll().size());
    }

    private static String hmacWithPublicKey() {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(ServiceProvider.authorityKey().getKeyID()).build(),
                    ServiceProvider.approval().build());
            jwt.sign(new MACSigner(ServiceProvider.authorityKey().toPublicJWK().toJSONString().getBytes()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String tampered() {
        String[] parts = ServiceProvider.statement().split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
                .replace("leerid-affiliation", "leerid-id leerid-affiliation");
        return parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2];
    }
}
