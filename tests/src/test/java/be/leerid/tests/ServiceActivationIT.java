package be.leerid.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.LogoutTokenValidator;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.util.JsonSerialization;

/**
 * Schools choose their services: a learner at two schools reaches a {@code school} service only through the school
 * that activated it, and the service learns only about that school (OIDC checked with Nimbus, SAML with OpenSAML);
 * a service no school of theirs activated refuses with a clear page and issues nothing; the school console
 * activates and deactivates (back-channel logout, refresh refused); a provider reads its schools; a renumbered
 * school keeps its services.
 */
@KeycloakIntegrationTest(config = LeerIdServerConfig.class)
class ServiceActivationIT extends LeerIdTestBase {

    private static final String FIRST = "schooldienst-eerste";
    private static final URI FIRST_CALLBACK = URI.create("https://eerste.schooldienst.example/callback");
    private static final String SECOND = "schooldienst-tweede";
    private static final URI SECOND_CALLBACK = URI.create("https://tweede.schooldienst.example/callback");
    private static final String SAML_SERVICE = "https://saml.schooldienst.example/sp";
    private static final String SAML_ACS = "https://saml.schooldienst.example/acs";
    private static final String PASSWORD = "Twee-scholen-1";

    private final List<String> clients = new ArrayList<>();
    private LogoutReceiver receiver;
    private SchoolAccounts accounts;

    @BeforeEach
    void services() throws Exception {
        receiver = new LogoutReceiver();
        oidcService(FIRST, FIRST_CALLBACK, "eerste.schooldienst.example", SchoolAccounts.SINT_JOZEF,
                receiver.url());
        oidcService(SECOND, SECOND_CALLBACK, "tweede.schooldienst.example", null, null);
        samlService(SchoolAccounts.ATHENEUM);
        accounts = new SchoolAccounts(realm);
    }

    @AfterEach
    void removeServices() {
        clients.forEach(id -> realm.admin().clients().get(id).remove());
        receiver.close();
        accounts.close();
    }

    @Test
    void eachServiceLearnsOnlyAboutTheSchoolsThatActivatedIt() throws Exception {
        twoSchoolLearner("twee.scholen", "10000951");

        // OIDC: activated by Sint-Jozef (012345, class 5B) only, so nothing about the Atheneum (1A).
        OidcService first = oidc(FIRST);
        OidcService.Login login = first.login(FIRST_CALLBACK, "openid leerid-class leerid-schools");
        OidcService.Tokens tokens;
        try (Browser browser = new Browser()) {
            browser.open(login.requestUri).login("twee.scholen", PASSWORD);
            tokens = login.redeem(browser);
        }
        Map<String, Object> id = tokens.idToken().toJSONObject();
        assertEquals(List.of("012345"), id.get("ov_orgcode"));
        assertEquals(List.of("student@012345.leerid.be", "member@012345.leerid.be"), id.get("eduperson_scoped_affiliation"));
        assertEquals("5", id.get("leerid_grade"));
        assertEquals("5B", id.get("leerid_class"));
        assertEquals(List.of(Map.of("ov_orgcode", "012345", "leerid_grade", "5", "leerid_class", "5B")), id.get("leerid_schools"));
        Map<String, Object> userinfo = first.userInfo(tokens.accessToken()).toJSONObject();
        assertEquals(List.of("012345"), userinfo.get("ov_orgcode"));
        assertFalse(JsonSerialization.writeValueAsString(first.accessTokenClaims(tokens.accessToken()).toJSONObject()).contains("067890"),
                "the access token names the other school");

        // SAML: activated by the Atheneum (067890, class 1A) only.
        SamlService saml = new SamlService(realm.getBaseUrl(), SAML_SERVICE, SAML_ACS);
        SamlService.Request request = saml.authnRequest();
        try (Browser browser = new Browser()) {
            browser.open(request.browserUri()).login("twee.scholen", PASSWORD);
            SamlService.Verified response = saml.verify(browser.hiddenInput("SAMLResponse"), request.id());
            assertEquals(List.of("067890"), response.attributes().get("urn:oid:1.3.6.1.4.1.25178.1.2.9"));
            assertEquals(List.of("student@067890.leerid.be", "member@067890.leerid.be"), response.attributes().get("urn:oid:1.3.6.1.4.1.5923.1.1.1.9"));
            assertEquals(List.of("1A"), response.attributes().get("urn:be:leerid:attribute:leerid_class"));
            assertEquals(List.of("1"), response.attributes().get("urn:be:leerid:attribute:leerid_grade"));
            List<String> schools = response.attributes().get("urn:be:leerid:attribute:leerid_schools");
            assertEquals(1, schools.size(), String.valueOf(schools));
            assertEquals(Map.of("ov_orgcode", "067890", "leerid_grade", "1", "leerid_class", "1A"), JsonSerialization.readValue(schools.get(0), Map.class));
            assertFalse(response.attributes().toString().contains("012345"), "the assertion names the other school: " + response.attributes());
        }

        // Activated by neither school: a clear page with a reference code, and no code for the service.
        try (Browser browser = new Browser()) {
            browser.open(oidc(SECOND).login(SECOND_CALLBACK, "openid").requestUri).login("twee.scholen", PASSWORD);
            assertFalse(browser.currentUri().toString().startsWith(SECOND_CALLBACK.toString()), "the service was reached");
            assertTrue(browser.pageText().contains("Je school gebruikt Schooldienst tweede niet via LeerID"), browser.pageText());
            SchoolConsoleIT.reference(browser.pageText());
        }
        // A SAML service no school of the person activated issues no assertion either.
        twoSchoolLearner("een.school", "10000952", SchoolAccounts.SINT_JOZEF);
        SamlService.Request other = saml.authnRequest();
        try (Browser browser = new Browser()) {
            browser.open(other.browserUri()).login("een.school", PASSWORD);
            assertFalse(browser.pageSource().contains("SAMLResponse"), "an assertion was issued");
            assertTrue(browser.pageText().contains("Je school gebruikt Schooldienst SAML niet via LeerID"), browser.pageText());
        }
    }

    @Test
    void theSchoolActivatesAndDeactivatesAndTheServiceHearsIt() throws Exception {
        String learner = twoSchoolLearner("dienst.leerling", "10000961", SchoolAccounts.SINT_JOZEF);
        accounts.staff("dienst.coordinator", "20000961", EidSimulator.PIET_ONBEKEND_NRN, "ict-coordinator@" + SchoolAccounts.SINT_JOZEF);
        String second = clientUuid(SECOND);
        String firstUuid = clientUuid(FIRST);
        OidcService first = oidc(FIRST);
        OidcService.Login login = first.login(FIRST_CALLBACK, "openid");
        OidcService.Tokens tokens;
        try (Browser browser = new Browser()) {
            browser.open(login.requestUri).login("dienst.leerling", PASSWORD);
            tokens = login.redeem(browser);
        }

        try (Browser coordinator = Browser.withJavaScript(1280)) {
            coordinator.open(URI.create(realm.getBaseUrl() + "/school/")).signInWithEid().pickCard(EidSimulator.PIET_ONBEKEND)
                    .await("leerid-school-services-link").click("leerid-school-services-link").await("leerid-school-services");
            String page = coordinator.pageText();
            assertTrue(page.contains("Schooldienst eerste") && page.contains("Schooldienst tweede") && page.contains("Schooldienst SAML"), page);
            assertTrue(coordinator.textOf("service-" + second).contains("Niet in gebruik"), coordinator.textOf("service-" + second));
            assertTrue(coordinator.textOf("service-" + firstUuid).contains("het schoolnummer"), coordinator.textOf("service-" + firstUuid));
            assertFalse(page.contains("KlasCement"), "an open service is listed: " + page);
            assertEquals(List.of(), coordinator.seriousAccessibilityViolations());
            coordinator.screenshot("school-console-services");
            ConsoleHttp console = new ConsoleHttp(URI.create(realm.getBaseUrl()), coordinator.cookies());

            // Another school's choice is not this coordinator's to make: refused, nothing changes.
            ConsoleHttp.Reply foreign = console.post("067890/services/" + second, Map.of("form_token", console.formToken("012345"), "activate", "true"));
            assertEquals(403, foreign.status(), foreign.text());
            assertNull(attributes(second).get("leerid.activated.067890"));

            ConsoleHttp.Reply activated = console.post("012345/services/" + second, Map.of("form_token", console.formToken("012345"), "activate", "true"));
            assertEquals(303, activated.status(), activated.text());
            assertTrue(FormLogin.attempt(oidc(SECOND).login(SECOND_CALLBACK, "openid").requestUri, "dienst.leerling", PASSWORD).issuedCode());

            // The provider reads its schools with its own client credentials; a wrong secret reads nothing.
            HttpResponse<String> schools = serviceSchools(SECOND, realm.admin().clients().get(second).getSecret().getValue());
            assertEquals(200, schools.statusCode(), schools.body());
            Map<?, ?> answer = JsonSerialization.readValue(schools.body(), Map.class);
            assertEquals("school", answer.get("access"));
            assertEquals(List.of("012345"), ((List<?>) answer.get("schools")).stream().map(s -> ((Map<?, ?>) s).get("ov_orgcode")).toList());
            assertEquals(401, serviceSchools(SECOND, "not-the-secret").statusCode());
            // A public client has no credentials: its client_id alone reads nothing.
            HttpResponse<String> publicClient = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(realm.getBaseUrl() + "/leerid-service-schools")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("client_id=leerid-school-console")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, publicClient.statusCode(), publicClient.body());

            // Deactivation mid-session: the service gets a back-channel logout with the pseudonym it knows, refresh ends.
            ConsoleHttp.Reply deactivated = console.post("012345/services/" + firstUuid, Map.of("form_token", console.formToken("012345"), "activate", "false"));
            assertEquals(303, deactivated.status(), deactivated.text());
            LogoutTokenValidator validator = new LogoutTokenValidator(provider().getIssuer(), new ClientID(FIRST),
                    JWSAlgorithm.RS256, provider().getJWKSetURI().toURL(), null);
            LogoutTokenClaimsSet logout = validator.validate(JWTParser.parse(receiver.token()));
            assertEquals(DEV_DERIVER.derive("eerste.schooldienst.example", "10000961"), logout.getSubject().getValue());
            Object refreshed = first.refresh(tokens);
            assertTrue(refreshed instanceof ErrorObject error && "invalid_grant".equals(error.getCode()), String.valueOf(refreshed));
            assertFalse(FormLogin.attempt(first.login(FIRST_CALLBACK, "openid").requestUri, "dienst.leerling", PASSWORD).issuedCode());
            assertTrue(realm.admin().users().get(learner).getUserSessions().stream()
                    .noneMatch(s -> s.getClients().containsValue(FIRST)), "the learner still has a session at the deactivated service");
        }

        String coordinatorId = realm.admin().users().search("dienst.coordinator", true).get(0).getId();
        try (AdminApiClient auditor = AdminApiClient.withRealmRole(realm, "test-activation-audit", "leerid-audit")) {
            List<AdminEventRepresentation> events = auditor.api().realm("leerid").getAdminEvents();
            assertTrue(events.stream().anyMatch(e -> e.getResourcePath().equals("clients/" + second + "/school-console/service-activate")
                    && "012345".equals(e.getDetails().get("school")) && coordinatorId.equals(e.getAuthDetails().getUserId())), "no event for the activation");
            assertTrue(events.stream().anyMatch(e -> e.getResourcePath().equals("clients/" + firstUuid + "/school-console/service-deactivate")),
                    "no event for the deactivation");
        }

        // The school gets a new number: the register's operator carries its activations over (every service's,
        // Smartschool's too, so the test puts the number back for the other tests that share the realm).
        try (AdminApiClient operator = AdminApiClient.withRealmRole(realm, "test-renumber", "register-sync");
             AdminApiClient stranger = AdminApiClient.withRealmRole(realm, "test-no-renumber", null)) {
            assertEquals(403, renumber("test-no-renumber", "012345", "012399").statusCode());
            assertEquals(400, renumber("test-renumber", "012345", "12-399").statusCode());
            assertTrue(attributes(second).containsKey("leerid.activated.012345"), "a refused renumbering changed an activation");
            HttpResponse<String> renumbered = renumber("test-renumber", "012345", "012399");
            try {
                assertEquals(200, renumbered.statusCode(), renumbered.body());
                Map<String, String> after = attributes(second);
                assertTrue(after.containsKey("leerid.activated.012399") && !after.containsKey("leerid.activated.012345"), after.toString());
                assertTrue(attributes(clientUuid("smartschool")).containsKey("leerid.activated.012399"));
            } finally {
                assertEquals(200, renumber("test-renumber", "012399", "012345").statusCode());
            }
        }
    }

    /** A learner with a password, at Sint-Jozef (5B) and the Atheneum (1A), or only at the given school. */
    private String twoSchoolLearner(String username, String leerid, String... only) {
        String id = accounts.learner(username, leerid, SchoolAccounts.SINT_JOZEF, "5B", "5");
        Map<String, List<String>> attributes = new HashMap<>();
        if (only.length == 0) {
            attributes.put("school", List.of(SchoolAccounts.SINT_JOZEF, SchoolAccounts.ATHENEUM));
            attributes.put("enrolment", List.of("012345:5:5B", "067890:1:1A"));
        } else {
            attributes.put("enrolment", List.of("012345:5:5B"));
        }
        accounts.update(id, attributes);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(PASSWORD);
        password.setTemporary(false);
        realm.admin().users().get(id).resetPassword(password);
        return id;
    }

    private void oidcService(String clientId, URI callback, String sector, String activatedBy, String backchannelLogout) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setName(clientId.equals(FIRST) ? "Schooldienst eerste" : "Schooldienst tweede");
        client.setProtocol("openid-connect");
        client.setPublicClient(false);
        client.setStandardFlowEnabled(true);
        client.setFullScopeAllowed(false);
        client.setRedirectUris(List.of(callback.toString()));
        client.setDefaultClientScopes(List.of("leerid-pseudonym", "leerid-affiliation", "leerid-school", "acr"));
        client.setOptionalClientScopes(List.of("leerid-class", "leerid-schools"));
        Map<String, String> attributes = new HashMap<>(Map.of("leerid.sector", sector, "leerid.access", "school",
                "pkce.code.challenge.method", "S256"));
        if (activatedBy != null) {
            attributes.put("leerid.activated." + activatedBy, "2026-09-01");
        }
        if (backchannelLogout != null) {
            attributes.put("backchannel.logout.url", backchannelLogout);
            attributes.put("backchannel.logout.session.required", "true");
        }
        client.setAttributes(attributes);
        create(client);
    }

    /** As the archive's SP (same signing key), but a service schools choose, activated by one school. */
    private void samlService(String activatedBy) {
        ClientRepresentation client = realm.admin().clients().findByClientId(ARCHIEF).get(0);
        client.setId(null);
        client.setClientId(SAML_SERVICE);
        client.setName("Schooldienst SAML");
        client.setRedirectUris(List.of(SAML_ACS));
        client.setBaseUrl(null);
        client.setAdminUrl(null);
        client.setProtocolMappers(null);
        Map<String, String> attributes = new HashMap<>(client.getAttributes());
        attributes.entrySet().removeIf(e -> e.getKey().startsWith("saml_assertion_consumer_url") || e.getKey().startsWith("saml_single_logout"));
        attributes.put("saml_assertion_consumer_url_post", SAML_ACS);
        attributes.put("leerid.access", "school");
        attributes.put("leerid.sector", "saml.schooldienst.example");
        attributes.put("leerid.activated." + activatedBy, "2026-09-01");
        client.setAttributes(attributes);
        client.setDefaultClientScopes(List.of("leerid-saml-pairwise-id", "leerid-saml-affiliation", "leerid-saml-school",
                "leerid-saml-class", "leerid-saml-schools"));
        client.setOptionalClientScopes(List.of());
        create(client);
    }

    private void create(ClientRepresentation client) {
        try (Response response = realm.admin().clients().create(client)) {
            clients.add(CreatedResponseUtil.getCreatedId(response));
        }
    }

    private String clientUuid(String clientId) {
        return realm.admin().clients().findByClientId(clientId).get(0).getId();
    }

    private Map<String, String> attributes(String uuid) {
        return new HashMap<>(realm.admin().clients().get(uuid).toRepresentation().getAttributes());
    }

    private HttpResponse<String> serviceSchools(String clientId, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(realm.getBaseUrl() + "/leerid-service-schools"))
                .header("Authorization", "Basic " + basic).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> renumber(String clientId, String from, String to) throws Exception {
        String token = RegisterClient.clientCredentialsToken(provider().getTokenEndpointURI(), clientId, clientId + "-secret-not-for-production");
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(realm.getBaseUrl() + "/leerid-school-numbers/" + from
                        + "/renumber?to=" + to)).header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
