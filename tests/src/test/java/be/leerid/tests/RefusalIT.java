package be.leerid.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.util.JsonSerialization;

/** When LeerID cannot give a pseudonym, nothing is issued and the person sees why, in Dutch. */
@KeycloakIntegrationTest(config = LeerIdServerConfig.class)
class RefusalIT extends LeerIdTestBase {

    @InjectAdminClient
    Keycloak admin;

    /**
     * A host rename or a new leerid.sector would give every person a new pseudonym at a service: once it has received
     * pseudonyms, the admin API refuses the change unless it is forced, and the forced change is an admin event.
     */
    @Test
    void theSectorOfAServiceThatReceivedPseudonymsChangesOnlyWhenForced() throws Exception {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId("sector-wissel");
        client.setPublicClient(false);
        client.setSecret("sector-wissel-geheim");
        client.setStandardFlowEnabled(true);
        client.setRedirectUris(List.of("https://les.sectorwissel.be/cb"));
        client.setAttributes(new java.util.HashMap<>(Map.of("leerid.access", "open")));
        client.setDefaultClientScopes(List.of("leerid-pseudonym", "acr"));
        String id;
        try (Response response = realm.admin().clients().create(client)) {
            id = CreatedResponseUtil.getCreatedId(response);
        }
        try (AdminApiClient auditor = AdminApiClient.withRealmRole(realm, "test-sector-export", "leerid-gdpr-export")) {
            OidcService service = new OidcService(provider(), "sector-wissel", "sector-wissel-geheim");
            OidcService.Login login = service.login(URI.create("https://les.sectorwissel.be/cb"), "openid");
            try (Browser browser = new Browser()) {
                browser.open(login.requestUri).login(LOTTE, LOTTE_PASSWORD);
                assertEquals(DEV_DERIVER.derive("les.sectorwissel.be", LOTTE_LEERID), login.redeem(browser).idToken().getSubject().getValue());
            }
            awaitRelease(auditor, "sector-wissel");

            ClientRepresentation renamed = realm.admin().clients().get(id).toRepresentation();
            renamed.setRedirectUris(List.of("https://nieuw.sectorwissel.be/cb"));
            jakarta.ws.rs.BadRequestException refused = org.junit.jupiter.api.Assertions.assertThrows(jakarta.ws.rs.BadRequestException.class,
                    () -> realm.admin().clients().get(id).update(renamed));
            String reason = refused.getResponse().readEntity(String.class);
            assertTrue(reason.contains("les.sectorwissel.be") && reason.contains("leerid.sector.force"), reason);
            assertEquals(List.of("https://les.sectorwissel.be/cb"), realm.admin().clients().get(id).toRepresentation().getRedirectUris());

            // Renaming the host while keeping the sector is fine; a force flag sent with it is not kept either, or the
            // next update (the admin console sends every attribute back) would be forced without saying so.
            renamed.getAttributes().put("leerid.sector", "les.sectorwissel.be");
            renamed.getAttributes().put("leerid.sector.force", "true");
            realm.admin().clients().get(id).update(renamed);
            assertEquals(List.of("https://nieuw.sectorwissel.be/cb"), realm.admin().clients().get(id).toRepresentation().getRedirectUris());
            assertFalse(realm.admin().clients().get(id).toRepresentation().getAttributes().containsKey("leerid.sector.force"),
                    "a force flag without a sector change was kept");

            long before = System.currentTimeMillis() - 1000;
            ClientRepresentation forced = realm.admin().clients().get(id).toRepresentation();
            forced.getAttributes().put("leerid.sector", "nieuw.sectorwissel.be");
            forced.getAttributes().put("leerid.sector.force", "true");
            realm.admin().clients().get(id).update(forced);
            Map<String, String> stored = realm.admin().clients().get(id).toRepresentation().getAttributes();
            assertEquals("nieuw.sectorwissel.be", stored.get("leerid.sector"));
            assertFalse(stored.containsKey("leerid.sector.force"), "the force flag is not kept");
            assertTrue(realm.admin().getAdminEvents().stream().anyMatch(event -> "UPDATE".equals(event.getOperationType())
                    && ("clients/" + id).equals(event.getResourcePath()) && event.getTime() >= before), "no admin event of the forced change");
        } finally {
            realm.admin().clients().get(id).remove();
        }
    }

    /** The release record is written once the token response committed: wait until the GDPR export lists the service. */
    private void awaitRelease(AdminApiClient auditor, String clientId) throws Exception {
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Brussels")).toString();
        long deadline = System.nanoTime() + 30_000_000_000L;
        String body = "";
        while (System.nanoTime() < deadline) {
            body = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(URI.create(realm.getBaseUrl()
                            + "/leerid-gdpr-export?service=" + clientId + "&from=" + today + "&to=" + today))
                    .header("Authorization", "Bearer " + auditor.api().tokenManager().getAccessTokenString()).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            if (body.contains("\"record\":\"release\"")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no release record for " + clientId + ": " + body);
    }

    @Test
    void userWithoutLeeridGetsNoTokenAndNoAssertion() throws Exception {
        String id = createLearner("zonder.leerid", "Zonder-leerid-1", null);
        try (Browser browser = new Browser()) {
            OidcService.Login login = oidc("klascement").login(KLASCEMENT, "openid");
            browser.open(login.requestUri).login("zonder.leerid", "Zonder-leerid-1");
            assertRefused(browser, "geen LeerID");

            // The refused login left no session behind: the archive asks for the password again.
            SamlService.Request request = archief().authnRequest();
            browser.open(request.browserUri()).login("zonder.leerid", "Zonder-leerid-1");
            assertRefused(browser, "geen LeerID");
        } finally {
            realm.admin().users().get(id).remove();
        }
    }

    @Test
    void clientWithSeveralHostsAndNoSectorIsRefused() throws Exception {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId("twee-hosts");
        client.setProtocol("openid-connect");
        client.setPublicClient(true);
        client.setRedirectUris(List.of("https://a.example.be/cb", "https://b.example.be/cb"));
        String clientUuid;
        try (Response response = realm.admin().clients().create(client)) {
            clientUuid = CreatedResponseUtil.getCreatedId(response);
        }
        try {
            // Adding the pseudonym mapper directly: rejected with the reason.
            ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
            mapper.setName("pseudonym");
            mapper.setProtocol("openid-connect");
            mapper.setProtocolMapper("oidc-leerid-pseudonym-mapper");
            mapper.setConfig(Map.of());
            try (Response response = realm.admin().clients().get(clientUuid).getProtocolMappers().createMapper(mapper)) {
                assertEquals(400, response.getStatus());
                String error = response.readEntity(String.class);
                assertTrue(error.contains("leerid.sector") && error.contains("8.1"), error);
            }

            // Through the default scope: the login is refused with a clear page.
            String scopeId = realm.admin().clientScopes().findAll().stream()
                    .filter(s -> s.getName().equals("leerid-pseudonym")).findFirst().orElseThrow().getId();
            realm.admin().clients().get(clientUuid).addDefaultClientScope(scopeId);
            URI request = URI.create(provider().getAuthorizationEndpointURI() + "?response_type=code&client_id=twee-hosts"
                    + "&scope=openid&redirect_uri=https%3A%2F%2Fa.example.be%2Fcb&state=s1&code_challenge_method=S256&code_challenge="
                    + com.nimbusds.oauth2.sdk.pkce.CodeChallenge.compute(com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod.S256,
                            new com.nimbusds.oauth2.sdk.pkce.CodeVerifier()).getValue());
            try (Browser browser = new Browser()) {
                browser.open(request).login(LOTTE, LOTTE_PASSWORD);
                assertRefused(browser, "niet juist ingesteld");
            }
        } finally {
            realm.admin().clients().get(clientUuid).remove();
        }
    }

    @Test
    void realmWithoutPseudonymKeyIssuesNothing() throws Exception {
        RealmRepresentation copy = RepositoryFiles.realm("/leerid-realm.json");
        copy.setRealm("leerid-zonder-sleutel");
        copy.setId("leerid-zonder-sleutel");
        copy.setUsers(RepositoryFiles.realm("/dev/leerid-users-0.json").getUsers());
        admin.realms().create(copy);
        try {
            String secret = admin.realm(copy.getRealm()).clients().findByClientId("klascement").get(0).getSecret();
            String realmUrl = realm.getBaseUrl().replace("/realms/leerid", "/realms/" + copy.getRealm());
            OidcService klascement = new OidcService(OidcService.discover(realmUrl), "klascement", secret);
            OidcService.Login login = klascement.login(KLASCEMENT, "openid");
            try (Browser browser = new Browser()) {
                browser.open(login.requestUri).login(LOTTE, LOTTE_PASSWORD);
                assertRefused(browser, "op dit moment niet");
            }
        } finally {
            admin.realm(copy.getRealm()).remove();
        }
    }

    @Test
    void pseudonymKeyIsNeverInTheRealmExportOrAdminApi() throws Exception {
        String key = Files.readString(RepositoryFiles.vaultDir().resolve("leerid_pseudonym-key")).strip();
        RealmRepresentation export = realm.admin().partialExport(true, true);
        String everything = JsonSerialization.writeValueAsString(export)
                + JsonSerialization.writeValueAsString(realm.admin().clientScopes().findAll())
                + JsonSerialization.writeValueAsString(realm.admin().components().query());
        assertFalse(everything.contains(key), "the pseudonym key leaked into the admin API");
        assertFalse(everything.contains(key.substring(0, 16)), "part of the pseudonym key leaked into the admin API");
    }

    private static void assertRefused(Browser browser, String dutchReason) throws InterruptedException {
        for (int i = 0; i < 100 && !browser.pageText().contains(dutchReason); i++) {
            Thread.sleep(100);
        }
        URI where = browser.currentUri();
        assertEquals("localhost", where.getHost(), "the browser must stay on LeerID's error page, not reach the service");
        assertFalse(String.valueOf(where.getQuery()).contains("code="), "no authorization code may be issued");
        assertTrue(browser.pageText().contains(dutchReason), "expected '" + dutchReason + "' in: " + browser.pageText());
        assertFalse(browser.pageSource().contains("SAMLResponse"), "no SAML response may be issued");
    }
}
