package be.leerid.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.crypto.dsig.XMLSignature;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * LeerID's safe defaults and known attack classes, table-driven against the real server: each case
 * checks the precise refusal and that no code, token, session or assertion was issued.
 */
@KeycloakIntegrationTest(config = LeerIdServerConfig.class)
class SecurityBaselineIT extends LeerIdTestBase {

    private static final int LOCKOUT_AFTER = 5;
    private static final String GENERIC_LOGIN_ERROR = "Gebruikersnaam of wachtwoord ongeldig";
    private static final String TOO_MANY_ATTEMPTS = SchoolConsoleIT.TOO_MANY;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    // ---- defaults as the server has them ---------------------------------------------------------

    @Test
    void theRealmCarriesTheSafeDefaults() throws Exception {
        var rep = realm.admin().toRepresentation();
        assertTrue(rep.isBruteForceProtected());
        assertEquals(LOCKOUT_AFTER, rep.getFailureFactor());
        assertTrue(rep.getAccessCodeLifespan() <= 60, "code lifetime " + rep.getAccessCodeLifespan());
        assertTrue(rep.getAccessTokenLifespan() <= 300, "access token lifetime " + rep.getAccessTokenLifespan());
        assertTrue(rep.getRevokeRefreshToken() && rep.getRefreshTokenMaxReuse() == 0, "refresh tokens do not rotate");
        // Keycloak's own browser applications redirect only to relative paths on LeerID itself.
        java.util.Set<String> keycloaksOwnApps = java.util.Set.of("account", "account-console", "security-admin-console",
                "broker", "realm-management");
        for (var client : realm.admin().clients().findAll()) {
            String id = client.getClientId();
            assertFalse(client.isImplicitFlowEnabled() || client.isDirectAccessGrantsEnabled(), id + " allows implicit or password grant");
            if (keycloaksOwnApps.contains(id)) {
                continue;
            }
            if ("saml".equals(client.getProtocol())) {
                assertEquals("true", client.getAttributes().get("saml.client.signature"), id);
                assertEquals("true", client.getAttributes().get("saml.assertion.signature"), id);
                assertTrue(Integer.parseInt(client.getAttributes().getOrDefault("saml.assertion.lifespan", "99999")) <= 300, id);
            } else if (client.isStandardFlowEnabled()) {
                assertEquals("S256", client.getAttributes().get("pkce.code.challenge.method"), id);
            }
            assertTrue(client.getRedirectUris().stream().noneMatch(u -> u.contains("*")), id + " has a wildcard redirect URI");
        }
        var eid = realm.admin().identityProviders().get("eid").toRepresentation();
        assertFalse(eid.isTrustEmail());
        assertFalse(eid.isStoreToken());
        // An access token lives at most five minutes.
        OidcService.Login login = oidc("klascement").login(KLASCEMENT, "openid");
        var claims = oidc("klascement").accessTokenClaims(login.redeem(URI.create(FormLogin.attempt(login.requestUri, LOTTE, LOTTE_PASSWORD)
                .location())).accessToken());
        assertTrue(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime() <= 300_000);
    }

    @Test
    void productionConfigurationKeepsTheAdminConsoleOffThePublicHostname() throws Exception {
        java.util.Properties conf = new java.util.Properties();
        try (var reader = java.nio.file.Files.newBufferedReader(RepositoryFiles.root().resolve("docker/keycloak.conf"))) {
            conf.load(reader);
        }
        String publicHost = URI.create(conf.getProperty("hostname")).getHost();
        String adminHost = URI.create(conf.getProperty("hostname-admin")).getHost();
        assertFalse(publicHost.equals(adminHost), "the admin console shares the public hostname");
        assertEquals("xforwarded", conf.getProperty("proxy-headers"));
        assertEquals("postgres", conf.getProperty("db"));
    }

    // ---- brute force -------------------------------------------------------------------------

    /**
     * Before the threshold a wrong password and an unknown name get the same generic error; after it, the locked
     * account (even with its right password) and a name without an account both get "too many attempts" with a
     * reference code: neither answer tells which names exist.
     */
    @Test
    void afterLockoutAnyUsernameGetsTooManyAttemptsWithAReferenceCode() throws Exception {
        String id = createLearner("slot.proef1", "Juist-wachtwoord-1", "10000201");
        String unknownName = "niet.bestaand.slot";
        try {
            OidcService klascement = oidc("klascement");
            FormLogin.Outcome firstWrong = FormLogin.attempt(klascement.login(KLASCEMENT, "openid").requestUri, "slot.proef1", "fout-1");
            FormLogin.Outcome firstUnknown = FormLogin.attempt(klascement.login(KLASCEMENT, "openid").requestUri, unknownName, "fout-1");
            assertTrue(firstWrong.text().contains(GENERIC_LOGIN_ERROR), firstWrong.text());
            assertEquals(errorLine(firstWrong.text()), errorLine(firstUnknown.text()), "a wrong password and an unknown name must look the same");
            for (int attempt = 2; attempt <= LOCKOUT_AFTER; attempt++) {
                for (String name : List.of("slot.proef1", unknownName)) {
                    FormLogin.Outcome wrong = FormLogin.attempt(klascement.login(KLASCEMENT, "openid").requestUri, name, "fout-" + attempt);
                    assertFalse(wrong.issuedCode());
                    // Two failures within a second already make a name wait (Keycloak's quick-login check).
                    assertTrue(wrong.text().contains(GENERIC_LOGIN_ERROR) || wrong.text().contains(TOO_MANY_ATTEMPTS), wrong.text());
                }
            }
            assertTrue(locksWithin(id), "the account is not locked after " + LOCKOUT_AFTER + " wrong passwords");

            FormLogin.Outcome correct = FormLogin.attempt(klascement.login(KLASCEMENT, "openid").requestUri, "slot.proef1", "Juist-wachtwoord-1");
            assertFalse(correct.issuedCode(), "a locked account got a code");
            FormLogin.Outcome unknown = FormLogin.attempt(klascement.login(KLASCEMENT, "openid").requestUri, unknownName, "x");
            for (FormLogin.Outcome locked : List.of(correct, unknown)) {
                assertTrue(locked.text().contains(TOO_MANY_ATTEMPTS), locked.text());
                assertFalse(locked.text().contains(GENERIC_LOGIN_ERROR), locked.text());
                SchoolConsoleIT.reference(locked.text());
            }
            assertTrue(realm.admin().users().get(id).getUserSessions().isEmpty());
        } finally {
            realm.admin().users().get(id).remove();
        }
    }

    @Test
    void fiftyParallelGuessesNeverGetMoreThanNTries() throws Exception {
        String id = createLearner("slot.proef2", "Juist-wachtwoord-2", "10000202");
        try {
            OidcService klascement = oidc("klascement");
            List<URI> requests = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                requests.add(klascement.login(KLASCEMENT, "openid").requestUri);
            }
            ExecutorService pool = Executors.newFixedThreadPool(25);
            List<Future<FormLogin.Outcome>> guesses = new ArrayList<>();
            for (URI request : requests) {
                guesses.add(pool.submit(() -> FormLogin.attempt(request, "slot.proef2", "geraden")));
            }
            for (Future<FormLogin.Outcome> outcome : guesses) {
                FormLogin.Outcome answer = outcome.get();
                assertFalse(answer.issuedCode());
                assertTrue(answer.text().contains(GENERIC_LOGIN_ERROR) || answer.text().contains(TOO_MANY_ATTEMPTS), answer.text());
            }
            pool.shutdown();
            // Keycloak turns away a login for a user while another is in progress, and counts failures off
            // the request thread: once the count settles, at most N of the 50 guesses were ever checked.
            Map<String, Object> status = settledStatus(id);
            int checked = ((Number) status.get("numFailures")).intValue();
            assertTrue(checked >= 1 && checked <= LOCKOUT_AFTER, "guesses checked: " + status);
            assertTrue(realm.admin().users().get(id).getUserSessions().isEmpty());
        } finally {
            realm.admin().users().get(id).remove();
        }
    }

    @Test
    void lockedLearnerGetsNoTokenByAnyGrant() throws Exception {
        String id = createLearner("slot.proef3", "Juist-wachtwoord-3", "10000203");
        try {
            OidcService klascement = oidc("klascement");
            for (int attempt = 1; attempt <= LOCKOUT_AFTER; attempt++) {
                FormLogin.attempt(klascement.login(KLASCEMENT, "openid").requestUri, "slot.proef3", "fout");
            }
            assertTrue(locksWithin(id), "the account is not locked after " + LOCKOUT_AFTER + " wrong passwords");
            assertFalse(FormLogin.attempt(klascement.login(KLASCEMENT, "openid").requestUri, "slot.proef3", "Juist-wachtwoord-3")
                    .issuedCode());
            // The password grant does not exist for LeerID clients: no way around the login form.
            String id2 = realm.admin().clients().findByClientId("klascement").get(0).getId();
            String secret = realm.admin().clients().get(id2).getSecret().getValue();
            HttpResponse<String> password = http.send(HttpRequest.newBuilder(provider().getTokenEndpointURI())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=klascement&client_secret="
                            + URLEncoder.encode(secret, StandardCharsets.UTF_8) + "&username=slot.proef3&password=Juist-wachtwoord-3"
                            + "&scope=openid")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, password.statusCode(), password.body());
            assertTrue(password.body().contains("unauthorized_client"), password.body());
            assertFalse(password.body().contains("access_token"));
        } finally {
            realm.admin().users().get(id).remove();
        }
    }

    /** Keycloak counts failures off the request thread: give it up to ten seconds to lock the account. */
    /** The brute force status once Keycloak's off-thread failure counting has caught up (same value twice). */
    private Map<String, Object> settledStatus(String userId) throws InterruptedException {
        Map<String, Object> previous = null;
        for (int poll = 0; poll < 50; poll++) {
            Map<String, Object> status = realm.admin().attackDetection().bruteForceUserStatus(userId);
            if (previous != null && status.get("numFailures").equals(previous.get("numFailures"))
                    && status.get("disabled").equals(previous.get("disabled"))) {
                return status;
            }
            previous = status;
            Thread.sleep(200);
        }
        return previous;
    }

    private static String errorLine(String text) {
        int at = text.indexOf(GENERIC_LOGIN_ERROR);
        return at < 0 ? text : text.substring(at, at + GENERIC_LOGIN_ERROR.length());
    }

    // ---- redirect_uri tampering ----------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
            "https://www.klascement.net/leerid/callback/extra",
            "https://www.klascement.net/leerid/callback/..;/evil",
            "https://www.klascement.net/leerid/%2e%2e/evil",
            "https://www.klascement.net/leerid/callback/%2e%2e/%2e%2e/evil",
            "https://www.klascement.net@evil.example@www.klascement.net/leerid/callback",
            "https://evil.example@www.klascement.net/leerid/callback",
            "https://www.klascement.net/LEERID/callback",
            "https://www.klascement.net.evil.example/leerid/callback",
            "https://www.klascement.net/leerid/callback#fragment",
            "javascript:alert(document.domain)",
            "JaVaScRiPt:alert(document.domain)",
            "data:text/html,<script>alert(1)</script>",
            "DATA:text/html,x",
            "http://localhost/leerid/callback",
            "http://www.klascement.net/leerid/callback"})
    void tamperedRedirectUriIsRefusedWithoutRedirect(String redirectUri) throws Exception {
        URI request = authorizationRequest("klascement", redirectUri, "openid", "S256", "x".repeat(43), "state1");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(request).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, response.statusCode(), redirectUri);
        assertTrue(response.headers().firstValue("Location").isEmpty(), "redirected to " + response.headers().firstValue("Location"));
        assertTrue(response.body().contains("redirect_uri"), response.body());
    }

    // ---- PKCE, code reuse, iss -----------------------------------------------------------------

    @Test
    void pkceIsRequiredAsS256() throws Exception {
        for (String[] bad : new String[][] {{null, null}, {"plain", "x".repeat(43)}, {"S512", "x".repeat(43)}}) {
            URI request = authorizationRequest("klascement", KLASCEMENT.toString(), "openid", bad[0], bad[1], "state2");
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(request).build(), HttpResponse.BodyHandlers.ofString());
            String location = response.headers().firstValue("Location").orElse("");
            assertEquals(302, response.statusCode(), response.body());
            assertTrue(location.startsWith(KLASCEMENT.toString()) && location.contains("error=invalid_request")
                    && !location.contains("code="), location);
        }
    }

    /** The realm's client policy: a client created without PKCE (admin API, import) gets S256 and must use it. */
    @Test
    void pkceIsRequiredOfEveryClientHoweverItWasCreated() throws Exception {
        org.keycloak.representations.idm.ClientRepresentation client = new org.keycloak.representations.idm.ClientRepresentation();
        client.setClientId("zonder-pkce");
        client.setPublicClient(false);
        client.setSecret("zonder-pkce-geheim");
        client.setStandardFlowEnabled(true);
        client.setRedirectUris(java.util.List.of("https://zonder-pkce.example/callback"));
        String id;
        try (jakarta.ws.rs.core.Response created = realm.admin().clients().create(client)) {
            id = org.keycloak.admin.client.CreatedResponseUtil.getCreatedId(created);
        }
        try {
            assertEquals("S256", realm.admin().clients().get(id).toRepresentation().getAttributes().get("pkce.code.challenge.method"));
            URI request = authorizationRequest("zonder-pkce", "https://zonder-pkce.example/callback", "openid", null, null, "state3");
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(request).build(), HttpResponse.BodyHandlers.ofString());
            String location = response.headers().firstValue("Location").orElse("");
            assertEquals(302, response.statusCode(), response.body());
            assertTrue(location.startsWith("https://zonder-pkce.example/callback") && location.contains("error=invalid_request")
                    && !location.contains("code="), location);
        } finally {
            realm.admin().clients().get(id).remove();
        }
    }

    @Test
    void wrongOrMissingVerifierGetsNoTokens() throws Exception {
        OidcService klascement = oidc("klascement");
        for (CodeVerifier verifier : new CodeVerifier[] {new CodeVerifier(), null}) {
            OidcService.Login login = klascement.login(KLASCEMENT, "openid");
            FormLogin.Outcome outcome = FormLogin.attempt(login.requestUri, LOTTE, LOTTE_PASSWORD);
            assertTrue(outcome.issuedCode(), outcome.text());
            AuthorizationCode code = login.code(URI.create(outcome.location()));
            TokenResponse response = TokenResponse.parse(login.tokenRequest(code, verifier).toHTTPRequest().send());
            assertFalse(response.indicatesSuccess(), "tokens for a " + (verifier == null ? "missing" : "wrong") + " verifier");
            assertEquals("invalid_grant", response.toErrorResponse().getErrorObject().getCode());
        }
    }

    @Test
    void reusedCodeFailsAndRevokesTheFirstTokens() throws Exception {
        OidcService klascement = oidc("klascement");
        OidcService.Login login = klascement.login(KLASCEMENT, "openid");
        FormLogin.Outcome outcome = FormLogin.attempt(login.requestUri, LOTTE, LOTTE_PASSWORD);
        URI arrival = URI.create(outcome.location());
        assertTrue(arrival.getQuery().contains("iss="), "RFC 9207: the authorization response names its issuer");
        OidcService.Tokens first = login.redeem(arrival);

        TokenResponse second = TokenResponse.parse(login.tokenRequest(login.code(arrival), login.verifier).toHTTPRequest().send());
        assertFalse(second.indicatesSuccess());
        assertEquals("invalid_grant", second.toErrorResponse().getErrorObject().getCode());

        assertTrue(klascement.refresh(first) instanceof com.nimbusds.oauth2.sdk.ErrorObject, "the first refresh token still works");
        assertFalse(klascement.introspect(first.accessToken()).isActive(), "the first access token is still active");
    }

    // ---- token substitution -------------------------------------------------------------------

    @Test
    void anotherClientsIdTokenIsNoLogoutHint() throws Exception {
        OidcService smartschool = oidc("smartschool");
        OidcService.Login login = smartschool.login(SINT_JOZEF, "openid");
        FormLogin session = new FormLogin();
        FormLogin.Outcome outcome = session.submit(login.requestUri, LOTTE, LOTTE_PASSWORD);
        var idToken = TokenResponse.parse(login.tokenRequest(login.code(URI.create(outcome.location())), login.verifier)
                .toHTTPRequest().send()).toSuccessResponse().toJSONObject().get("id_token").toString();
        URI logout = URI.create(provider().getEndSessionEndpointURI() + "?client_id=klascement&id_token_hint="
                + idToken + "&post_logout_redirect_uri=" + URLEncoder.encode(KLASCEMENT.toString(), StandardCharsets.UTF_8));
        HttpResponse<String> response = session.get(logout);
        assertEquals(400, response.statusCode(), response.body());
        assertFalse(response.headers().firstValue("Location").isPresent());
    }

    @Test
    void anotherClientsAccessTokenIsInactiveAtIntrospection() throws Exception {
        OidcService smartschool = oidc("smartschool");
        OidcService.Login login = smartschool.login(SINT_JOZEF, "openid");
        OidcService.Tokens tokens = login.redeem(URI.create(FormLogin.attempt(login.requestUri, LOTTE, LOTTE_PASSWORD).location()));
        assertTrue(smartschool.introspect(tokens.accessToken()).isActive());
        // KlasCement may not learn what Smartschool's token says (names, schools, Smartschool's pseudonym).
        var seenByKlascement = oidc("klascement").introspect(tokens.accessToken());
        assertFalse(seenByKlascement.isActive(), "KlasCement read Smartschool's token: " + seenByKlascement.toJSONObject());
    }

    @Test
    void unsignedOrSymmetricClientAssertionsAreRefused() throws Exception {
        ServiceProvider provider = new ServiceProvider(realm.getBaseUrl());
        ServiceProvider.Answer registered = provider.register(provider.metadata(ServiceProvider.statement()));
        assertEquals(201, registered.status(), registered.body());
        String clientId = registered.string("client_id");
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(clientId).subject(clientId)
                    .audience(provider().getTokenEndpointURI().toString()).jwtID(java.util.UUID.randomUUID().toString())
                    .expirationTime(new java.util.Date(System.currentTimeMillis() + 60_000)).build();
            SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(provider.key.getKeyID()).build(), claims);
            hmac.sign(new MACSigner(provider.key.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8)));
            for (String assertion : List.of(new PlainJWT(claims).serialize(), hmac.serialize())) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(provider().getTokenEndpointURI())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=x&redirect_uri="
                                + URLEncoder.encode(ServiceProvider.CALLBACK.toString(), StandardCharsets.UTF_8)
                                + "&client_id=" + clientId
                                + "&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer"
                                + "&client_assertion=" + assertion)).build(), HttpResponse.BodyHandlers.ofString());
                assertTrue(response.statusCode() == 400 || response.statusCode() == 401, response.body());
                assertTrue(response.body().contains("invalid_client"), response.body());
            }
        } finally {
            realm.admin().clients().findByClientId(clientId).forEach(c -> realm.admin().clients().get(c.getId()).remove());
        }
    }

    // ---- SAML ----------------------------------------------------------------------------------

    @Test
    void samlResponsesAreBoundToTheRequestAndShortLived() throws Exception {
        SamlService archief = archief();
        SamlService.Request request = archief.authnRequest();
        try (Browser browser = new Browser()) {
            browser.open(request.browserUri()).login("an.wouters", "Leraar-demo-1");
            // verify() checks Audience, Recipient, Destination, InResponseTo, signatures and a lifetime <= 5 minutes.
            assertNotNull(archief.verify(browser.hiddenInput("SAMLResponse"), request.id()).nameId());
        }
    }

    @Test
    void badAuthnRequestsGetNoAssertion() throws Exception {
        SamlService archief = archief();
        List<SamlService.Request> bad = List.of(
                archief.authnRequest(ARCHIEF, ARCHIEF_ACS, false),
                archief.tamperedAuthnRequest("https://evil.example/acs"),
                archief.authnRequest(ARCHIEF, "https://onderwijs.hetarchief.be/saml/acs/other", true),
                archief.authnRequest("https://evil.example/saml/sp", ARCHIEF_ACS, true));
        for (SamlService.Request request : bad) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(request.browserUri()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, response.statusCode(), request.browserUri() + "\n" + response.body());
            assertFalse(response.body().contains("SAMLResponse"), "an assertion was sent");
        }
    }

    /**
     * XML signature wrapping against the archive's signed POST-binding AuthnRequests (built and signed with OpenSAML,
     * then rearranged): the genuine request is accepted; a forged request wrapped around the signed one, a forged
     * request carrying the moved Signature beside the signed one in its Extensions, a forged request added inside
     * the signed one's Extensions, and a changed AssertionConsumerServiceURL under the untouched Signature are all
     * refused (400), and none of them gets an assertion or into the login flow.
     */
    @Test
    void signatureWrappingVariantsOfSignedAuthnRequestsAreRefused() throws Exception {
        SamlService archief = archief();
        String evil = "https://aanvaller.example/saml/acs";
        HttpResponse<String> genuine = archief.post(archief.signedPostRequest("_" + UUID.randomUUID(), ARCHIEF_ACS));
        // Accepted: Keycloak answers a POST-binding request with a redirect into its login flow.
        String next = genuine.headers().firstValue("Location").orElse("");
        assertTrue(genuine.statusCode() == 302 && next.startsWith(realm.getBaseUrl() + "/login-actions/"),
                "the genuine signed request is accepted: " + genuine.statusCode() + " " + next + " " + genuine.body());

        Map<String, Element> forged = new LinkedHashMap<>();
        {   // A forged, unsigned request around the signed one (in its Extensions).
            Element signed = archief.signedPostRequest("_" + UUID.randomUUID(), ARCHIEF_ACS);
            Element outer = forgery(signed, evil);
            Document document = signed.getOwnerDocument();
            document.replaceChild(outer, signed);
            extensions(outer).appendChild(signed);
            forged.put("wrapped around", outer);
        }
        {   // The Signature moved to a forged root; the signed request, without it, beside it in Extensions.
            Element signed = archief.signedPostRequest("_" + UUID.randomUUID(), ARCHIEF_ACS);
            Element outer = forgery(signed, evil);
            Element signature = child(signed, XMLSignature.XMLNS, "Signature");
            Document document = signed.getOwnerDocument();
            document.replaceChild(outer, signed);
            signed.removeChild(signature);
            outer.insertBefore(signature, child(outer, SAMLConstants.SAML20_NS, "Issuer").getNextSibling());
            extensions(outer).appendChild(signed);
            forged.put("moved signature", outer);
        }
        {   // A second, unsigned request inside the signed one's Extensions.
            Element signed = archief.signedPostRequest("_" + UUID.randomUUID(), ARCHIEF_ACS);
            extensions(signed).appendChild(forgery(signed, evil));
            forged.put("second request in Extensions", signed);
        }
        {   // Another AssertionConsumerServiceURL under the untouched signature.
            Element signed = archief.signedPostRequest("_" + UUID.randomUUID(), ARCHIEF_ACS);
            signed.setAttribute("AssertionConsumerServiceURL", evil);
            forged.put("changed ACS URL", signed);
        }
        for (Map.Entry<String, Element> variant : forged.entrySet()) {
            HttpResponse<String> response = archief.post(variant.getValue());
            assertEquals(400, response.statusCode(), variant.getKey() + ": " + response.body());
            assertFalse(response.body().contains("SAMLResponse") || response.body().contains("aanvaller.example"),
                    variant.getKey() + ": " + response.body());
        }
    }

    /** An unsigned copy of a request with its own ID and another ACS URL. */
    private static Element forgery(Element signed, String acs) {
        Element copy = (Element) signed.cloneNode(true);
        Element signature = child(copy, XMLSignature.XMLNS, "Signature");
        if (signature != null) {
            copy.removeChild(signature);
        }
        copy.setAttribute("ID", "_" + UUID.randomUUID());
        copy.setAttribute("AssertionConsumerServiceURL", acs);
        return copy;
    }

    /** The request's samlp:Extensions, created in its schema place (after Issuer and Signature) if it has none. */
    private static Element extensions(Element request) {
        Element existing = child(request, SAMLConstants.SAML20P_NS, "Extensions");
        if (existing != null) {
            return existing;
        }
        Element extensions = request.getOwnerDocument().createElementNS(SAMLConstants.SAML20P_NS, "samlp:Extensions");
        Element signature = child(request, XMLSignature.XMLNS, "Signature");
        Element after = signature != null ? signature : child(request, SAMLConstants.SAML20_NS, "Issuer");
        request.insertBefore(extensions, after.getNextSibling());
        return extensions;
    }

    private static Element child(Element parent, String namespace, String name) {
        for (org.w3c.dom.Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && namespace.equals(element.getNamespaceURI()) && name.equals(element.getLocalName())) {
                return element;
            }
        }
        return null;
    }

    @Test
    void samlRequestWithDoctypeIsRefusedWithoutFetching() throws Exception {
        AtomicInteger fetched = new AtomicInteger();
        HttpServer listener = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        listener.createContext("/", exchange -> {
            fetched.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        listener.start();
        try {
            String entity = "http://127.0.0.1:" + listener.getAddress().getPort() + "/xxe";
            String xml = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY xxe SYSTEM \"" + entity + "\">]>"
                    + "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" "
                    + "xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"_x\" Version=\"2.0\" "
                    + "IssueInstant=\"2026-01-01T00:00:00Z\"><saml:Issuer>&xxe;</saml:Issuer></samlp:AuthnRequest>";
            HttpResponse<String> response = archief().postRaw(xml);
            assertEquals(400, response.statusCode(), response.body());
            assertFalse(response.body().contains("SAMLResponse"));
            Thread.sleep(500);
            assertEquals(0, fetched.get(), "LeerID fetched an external entity");
        } finally {
            listener.stop(0);
        }
    }

    // ---- oversized input, headers ----------------------------------------------------------------

    @Test
    void oversizedInputsAreRejectedAndTheServerStaysHealthy() throws Exception {
        String huge = "a".repeat(1024 * 1024);
        List<URI> requests = List.of(
                authorizationRequest("klascement", KLASCEMENT.toString(), "openid " + huge, "S256", "x".repeat(43), "s"),
                authorizationRequest("klascement", KLASCEMENT.toString(), "openid", "S256", "x".repeat(43), huge));
        for (URI request : requests) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(request).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, "status " + response.statusCode());
            assertFalse(response.headers().firstValue("Location").orElse("").contains("code="));
        }
        HttpResponse<String> saml = archief().postRaw("<x>" + huge + "</x>");
        assertTrue(saml.statusCode() >= 400 && saml.statusCode() < 500, "status " + saml.statusCode());
        HttpResponse<String> healthy = http.send(HttpRequest.newBuilder(
                URI.create(realm.getBaseUrl() + "/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, healthy.statusCode());
    }

    @Test
    void loginPagesCarrySecurityHeaders() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(oidc("klascement").login(KLASCEMENT, "openid").requestUri).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("frame-ancestors 'self'") && policy.contains("default-src 'self'"), policy);
        // Scripts from LeerID's origin and this page's nonce only: every inline script of the page carries it.
        Matcher scripts = Pattern.compile("(?:^|;)\\s*script-src ([^;]*)").matcher(policy);
        assertTrue(scripts.find(), policy);
        assertFalse(scripts.group(1).contains("unsafe-inline") || scripts.group(1).contains("unsafe-eval"), policy);
        Matcher nonce = Pattern.compile("'nonce-([A-Za-z0-9_-]{22})'").matcher(scripts.group(1));
        assertTrue(scripts.group(1).contains("'self'") && nonce.find(), policy);
        Matcher inline = Pattern.compile("(?i)<script(?![^>]*\\ssrc=)([^>]*)>").matcher(page.body());
        int inlineScripts = 0;
        while (inline.find()) {
            inlineScripts++;
            assertTrue(inline.group(1).contains("nonce=\"" + nonce.group(1) + "\""), "an inline script without the page's nonce: " + inline.group());
        }
        assertTrue(inlineScripts > 0, "the login page has inline scripts, all nonced");
        assertFalse(Pattern.compile("(?i)\\son[a-z]+=\"|javascript:").matcher(page.body()).find(), "an inline handler the policy blocks");
        HttpResponse<String> again = http.send(HttpRequest.newBuilder(oidc("klascement").login(KLASCEMENT, "openid").requestUri).build(),
                HttpResponse.BodyHandlers.ofString());
        assertFalse(again.headers().firstValue("Content-Security-Policy").orElse("").contains(nonce.group(1)), "a nonce was used twice");
        assertFalse(page.headers().firstValue("X-XSS-Protection").isPresent());
        assertEquals("SAMEORIGIN", page.headers().firstValue("X-Frame-Options").orElse(""));
        assertTrue(page.headers().firstValue("Strict-Transport-Security").orElse("").contains("max-age=31536000"));
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
    }

    private URI authorizationRequest(String clientId, String redirectUri, String scope, String method, String challenge, String state)
            throws Exception {
        StringBuilder query = new StringBuilder("?response_type=code&client_id=").append(clientId)
                .append("&redirect_uri=").append(URLEncoder.encode(redirectUri, StandardCharsets.UTF_8))
                .append("&scope=").append(URLEncoder.encode(scope, StandardCharsets.UTF_8))
                .append("&state=").append(URLEncoder.encode(state, StandardCharsets.UTF_8))
                .append("&nonce=n");
        if (challenge != null) {
            query.append("&code_challenge=").append(challenge);
        }
        if (method != null) {
            query.append("&code_challenge_method=").append(method);
        }
        return URI.create(provider().getAuthorizationEndpointURI() + query.toString());
    }
}
