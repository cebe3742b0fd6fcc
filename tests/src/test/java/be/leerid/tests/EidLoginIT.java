package be.leerid.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import be.leerid.identifiers.NationalRegisterNumber;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.representations.idm.FederatedIdentityRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.util.JsonSerialization;

/**
 * Staff log in through the eID gateway (the simulator), are linked to their staff record by the keyed
 * hash of their national register number, and reach the archive and KlasCement by single sign-on.
 * Everyone else, and every defective answer from the gateway, is refused with a page and leaves nothing.
 */
@KeycloakIntegrationTest(config = LeerIdServerConfig.class)
class EidLoginIT extends LeerIdTestBase {

    static final String EID_ACR = "urn:be:leerid:acr:eid";
    static final String PASSWORD_ACR = "urn:be:leerid:acr:password";
    private static final String JAN_LEERID = "20000002";
    private static final String JAN_NRN = "79021214504";
    private static final String NOT_STAFF = "Je bent niet gekend als personeelslid van een school";

    @Test
    void teacherLogsInWithEidAndReachesArchiveAndKlasCementBySingleSignOn() throws Exception {
        String jan = userId("jan.claes");
        OidcService smartschool = oidc("smartschool");
        OidcService klascement = oidc("klascement");
        SamlService archief = archief();
        try (Browser browser = new Browser()) {
            OidcService.Login login = smartschool.login(SINT_JOZEF, "openid");
            browser.open(login.requestUri).signInWithEid().pickCard(EidSimulator.JAN_CLAES);
            OidcService.Tokens tokens = login.redeem(browser);
            var idToken = tokens.idToken();
            assertEquals(DEV_DERIVER.derive("smartschool.be", JAN_LEERID), idToken.getSubject().getValue());
            assertEquals(EID_ACR, idToken.getACR().getValue());
            // Both schools and the roles come from the register, not from the eID token.
            assertEquals(List.of("012345", "067890"), idToken.getStringListClaim("ov_orgcode"));
            assertEquals(List.of("faculty", "staff", "employee", "member"), idToken.getStringListClaim("eduperson_affiliation"));
            assertEquals("Claes", idToken.getStringClaim("family_name"));

            SamlService.Request request = archief.authnRequest();
            browser.open(request.browserUri());
            assertFalse(browser.showsLoginForm() || browser.showsCardPicker(), "single sign-on must not ask again");
            SamlService.Verified assertion = archief.verify(browser.hiddenInput("SAMLResponse"), request.id());
            String archiefPseudonym = DEV_DERIVER.derive("onderwijs.hetarchief.be", JAN_LEERID);
            assertEquals(SamlService.PERSISTENT, assertion.nameIdFormat());
            assertEquals(archiefPseudonym, assertion.nameId());
            assertEquals(List.of(archiefPseudonym + "@leerid.be"),
                    assertion.attributes().get("urn:oasis:names:tc:SAML:attribute:pairwise-id"));
            assertEquals(List.of("urn:mace:leerid.be:entitlement:archief"),
                    assertion.attributes().get("urn:oid:1.3.6.1.4.1.5923.1.1.1.7"));
            assertEquals(List.of("012345", "067890"), assertion.attributes().get("urn:oid:1.3.6.1.4.1.25178.1.2.9"));

            OidcService.Login klas = klascement.login(KLASCEMENT, "openid");
            browser.open(klas.requestUri);
            assertFalse(browser.showsLoginForm() || browser.showsCardPicker(), "single sign-on must not ask again");
            assertEquals(DEV_DERIVER.derive("www.klascement.net", JAN_LEERID),
                    klas.redeem(browser).idToken().getSubject().getValue());
        }

        // The link holds the keyed hash only; the number is nowhere on the account.
        String hash = NationalRegisterNumber.hash(DEV_DERIVER, JAN_NRN);
        List<FederatedIdentityRepresentation> links = realm.admin().users().get(jan).getFederatedIdentity();
        assertEquals(1, links.size());
        assertEquals("eid", links.get(0).getIdentityProvider());
        assertEquals(hash, links.get(0).getUserId());
        assertEquals(hash, links.get(0).getUserName());
        String stored = JsonSerialization.writeValueAsString(realm.admin().users().get(jan).toRepresentation())
                + JsonSerialization.writeValueAsString(links)
                + JsonSerialization.writeValueAsString(realm.admin().users().get(jan).getUserSessions());
        assertFalse(stored.contains(JAN_NRN), "the national register number is stored");
        assertFalse(stored.contains(gatewaySubject(JAN_NRN)), "the gateway's own subject is stored");
        // Nor in the login events the realm keeps for 400 days (the eID login, the logins at the services).
        // Login events are written in batches, within a second: wait for them.
        String events = "";
        for (int poll = 0; poll < 100 && !events.contains("\"CODE_TO_TOKEN\""); poll++) {
            Thread.sleep(100);
            events = JsonSerialization.writeValueAsString(realm.admin().getEvents(null, null, jan, null, null, null, 0, 200));
        }
        assertTrue(events.contains("\"LOGIN\"") && events.contains("\"CODE_TO_TOKEN\""), "no login event stored: " + events);
        assertFalse(events.contains(JAN_NRN), "the national register number is in the stored events");
        assertFalse(events.contains(gatewaySubject(JAN_NRN)), "the gateway's own subject is in the stored events");
    }

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource({
            "piet-onbekend, none, " + NOT_STAFF,
            "els-de-smet, none, Je bent niet meer gekend als personeelslid",
            "jan-claes, expired, Aanmelden via de eID-dienst is niet gelukt",
            "jan-claes, forged-signature, Aanmelden via de eID-dienst is niet gelukt",
            "jan-claes, wrong-issuer, Aanmelden via de eID-dienst is niet gelukt",
            "jan-claes, wrong-audience, Aanmelden via de eID-dienst is niet gelukt",
            "jan-claes, replayed-nonce, invalid nonce"})
    void refusedWithThePageAndNothingStored(String cardHolder, String fault, String page) throws Exception {
        Snapshot before = snapshot();
        try (Browser browser = new Browser()) {
            OidcService.Login login = oidc("klascement").login(KLASCEMENT, "openid");
            browser.open(login.requestUri).signInWithEid().pickCard(cardHolder, "eid", fault);
            assertRefused(browser, page);
        }
        assertEquals(before, snapshot(), "a refused eID login changed accounts, links or sessions");
    }

    @Test
    void learnerAccountIsNeverReachedThroughEid() throws Exception {
        // Even a learner account carrying the hash of this person's number (say, entered by mistake).
        String learner = createLearner("eid.leerling", "Eid-leerling-1", "10000099");
        UserRepresentation rep = realm.admin().users().get(learner).toRepresentation();
        rep.getAttributes().put("nrn_hash", List.of(NationalRegisterNumber.hash(DEV_DERIVER, EidSimulator.LOTTE_PEETERS_NRN)));
        realm.admin().users().get(learner).update(rep);
        try {
            Snapshot before = snapshot();
            try (Browser browser = new Browser()) {
                OidcService.Login login = oidc("klascement").login(KLASCEMENT, "openid");
                browser.open(login.requestUri).signInWithEid().pickCard(EidSimulator.LOTTE_PEETERS);
                assertRefused(browser, NOT_STAFF);
            }
            assertEquals(before, snapshot());
            assertTrue(realm.admin().users().get(learner).getFederatedIdentity().isEmpty());
        } finally {
            realm.admin().users().get(learner).remove();
        }
    }

    @Test
    void staffMemberWhoLeavesCanNoLongerLogInWithEid() throws Exception {
        String staff = createStaff("eid.vertrekker", EidSimulator.PIET_ONBEKEND_NRN);
        try {
            try (Browser browser = new Browser()) {
                OidcService.Login login = oidc("klascement").login(KLASCEMENT, "openid");
                browser.open(login.requestUri).signInWithEid().pickCard(EidSimulator.PIET_ONBEKEND);
                login.redeem(browser);
            }
            assertEquals(1, realm.admin().users().get(staff).getFederatedIdentity().size());

            // The register says the contract ended: like the sync, disable the account and end its sessions.
            UserRepresentation rep = realm.admin().users().get(staff).toRepresentation();
            rep.setEnabled(false);
            rep.getAttributes().put("left_on", List.of("2026-08-31"));
            realm.admin().users().get(staff).update(rep);
            realm.admin().users().get(staff).logout();

            try (Browser browser = new Browser()) {
                OidcService.Login login = oidc("klascement").login(KLASCEMENT, "openid");
                browser.open(login.requestUri).signInWithEid().pickCard(EidSimulator.PIET_ONBEKEND);
                assertRefused(browser, "Je account is niet meer actief");
            }
            assertTrue(realm.admin().users().get(staff).getUserSessions().isEmpty());
        } finally {
            realm.admin().users().get(staff).remove();
        }
    }

    @Test
    void replayedStateAndCodeAreRefused() throws Exception {
        try (Browser browser = new Browser()) {
            OidcService.Login login = oidc("klascement").login(KLASCEMENT, "openid");
            browser.open(login.requestUri).signInWithEid().pickCard(EidSimulator.JAN_CLAES);
            login.redeem(browser);
            URI callback = URI.create(lastGatewayResponse());
            assertTrue(callback.getPath().endsWith("/broker/eid/endpoint") && callback.getQuery().contains("state="),
                    callback.toString());

            // The same browser and an attacker's fresh one: neither gets anywhere with a used state and code.
            Snapshot before = snapshot();
            browser.open(callback);
            assertNotAtService(browser);
            try (Browser attacker = new Browser()) {
                attacker.open(callback);
                assertNotAtService(attacker);
            }
            assertEquals(before, snapshot());
        }
    }

    @Test
    void passwordLoginIsSteppedUpThroughEidWhenTheClientRequiresIt() throws Exception {
        OidcService klascement = oidc("klascement");
        try (Browser browser = new Browser()) {
            var byPassword = teacherByPassword(klascement, browser);
            assertEquals(PASSWORD_ACR, byPassword.getACR().getValue());

            OidcService.Login stepUp = klascement.login(KLASCEMENT, "openid", EID_ACR);
            browser.open(stepUp.requestUri);
            assertTrue(browser.showsCardPicker(), "the eID level must send the teacher to the eID gateway");
            browser.pickCard(EidSimulator.AN_WOUTERS);
            var byEid = stepUp.redeem(browser).idToken();
            assertEquals(EID_ACR, byEid.getACR().getValue());
            assertEquals(byPassword.getSubject(), byEid.getSubject());

            // Once at the eID level, the session serves the next eID-level request without asking again.
            OidcService.Login again = klascement.login(KLASCEMENT, "openid", EID_ACR);
            browser.open(again.requestUri);
            assertEquals(EID_ACR, again.redeem(browser).idToken().getACR().getValue());
        }
    }

    @Test
    void stepUpWithAMeansBelowTheEidLevelIsRefused() throws Exception {
        OidcService klascement = oidc("klascement");
        try (Browser browser = new Browser()) {
            teacherByPassword(klascement, browser);

            OidcService.Login stepUp = klascement.login(KLASCEMENT, "openid", EID_ACR);
            browser.open(stepUp.requestUri).pickCard(EidSimulator.AN_WOUTERS, "sms", "none");
            assertRefused(browser, "Deze dienst vraagt dat je je aanmeldt met je eID-kaart of met itsme");
        }
    }

    private static IDTokenClaimsSet teacherByPassword(OidcService klascement, Browser browser) throws Exception {
        OidcService.Login login = klascement.login(KLASCEMENT, "openid");
        browser.open(login.requestUri).login("an.wouters", "Leraar-demo-1");
        return login.redeem(browser).idToken();
    }

    private static void assertRefused(Browser browser, String page) {
        String text = browser.pageText();
        assertTrue(text.contains(page), "expected \"" + page + "\" on " + browser.currentUri() + ":\n" + text);
        assertNotAtService(browser);
    }

    /** Either still at LeerID, or sent back to the service with an error and never a code. */
    private static void assertNotAtService(Browser browser) {
        URI at = browser.currentUri();
        if (KLASCEMENT.getHost().equals(at.getHost())) {
            String query = at.getRawQuery() == null ? "" : at.getRawQuery();
            assertTrue(query.contains("error=") && !query.matches("(^|.*&)code=.*"), "the service got a code: " + at);
        }
    }

    /** The simulator's own subject for a card holder (see CardHolder.subject in testbed/eid-simulator). */
    private static String gatewaySubject(String nationalRegisterNumber) throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest(("eid-simulator:" + nationalRegisterNumber).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return "eid-" + java.util.HexFormat.of().formatHex(digest, 0, 12);
    }

    /** Accounts, eID links and sessions of the realm: a refused login must leave all of them as they were. */
    private record Snapshot(int users, Map<String, List<String>> links, Map<String, Integer> sessions) {
    }

    private Snapshot snapshot() {
        List<UserRepresentation> users = realm.admin().users().list(0, 1000);
        Map<String, List<String>> links = new java.util.TreeMap<>();
        Map<String, Integer> sessions = new java.util.TreeMap<>();
        for (UserRepresentation user : users) {
            var resource = realm.admin().users().get(user.getId());
            List<String> eid = resource.getFederatedIdentity().stream().map(FederatedIdentityRepresentation::getUserId).toList();
            if (!eid.isEmpty()) {
                links.put(user.getUsername(), eid);
            }
            sessions.put(user.getUsername(), resource.getUserSessions().size());
        }
        return new Snapshot(realm.admin().users().count(), links, sessions);
    }

    private String userId(String username) {
        return realm.admin().users().search(username, true).get(0).getId();
    }

    private String createStaff(String username, String nationalRegisterNumber) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEnabled(true);
        user.setFirstName("Test");
        user.setLastName("Personeel");
        user.setAttributes(Map.of("leerid", List.of("20000099"), "staff_id", List.of("E999"),
                "affiliation", List.of("faculty", "employee", "member"), "school", List.of("012345"),
                "nrn_hash", List.of(NationalRegisterNumber.hash(DEV_DERIVER, nationalRegisterNumber))));
        try (Response response = realm.admin().users().create(user)) {
            return CreatedResponseUtil.getCreatedId(response);
        }
    }

    private static String lastGatewayResponse() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(EidSimulator.ISSUER.resolve("/last-authorization-response")).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
