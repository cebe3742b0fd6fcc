package be.leerid.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.util.JsonSerialization;

/**
 * LeerID's Shared Signals transmitter: a service registers a push receiver in the operator directory; when the
 * register makes a learner a leaver, and when the account is deleted, the receiver gets a Security Event Token that
 * Nimbus verifies against the keys the SSF configuration names, about the pseudonym that service knows. A receiver
 * that is down gets the token again later.
 */
@KeycloakIntegrationTest(config = LeerIdServerConfig.class)
class SharedSignalsIT {

    private static final String LEERID = "30000077";
    private static final String ACCOUNT_DISABLED = "https://schemas.openid.net/secevent/risc/event-type/account-disabled";
    private static final String ACCOUNT_PURGED = "https://schemas.openid.net/secevent/risc/event-type/account-purged";

    @InjectRealm(config = SyncTestRealm.class, ref = "signals", lifecycle = LifeCycle.METHOD)
    ManagedRealm realm;

    private RegisterClient register;

    @BeforeEach
    void registerClient() throws Exception {
        String id = realm.admin().clients().findByClientId("register-sync").get(0).getId();
        register = new RegisterClient(realm.getBaseUrl(), RegisterClient.clientCredentialsToken(
                OidcService.discover(realm.getBaseUrl()).getTokenEndpointURI(), "register-sync",
                realm.admin().clients().get(id).getSecret().getValue()));
    }

    @Test
    void aLeaverAndADeletionReachTheReceiverAsSignedTokens() throws Exception {
        long started = System.currentTimeMillis();
        RegisterClient.Result first = register.push(feed("full", null));
        assertEquals(200, first.status(), first.body().toString());
        // The sync itself is an admin event with its counts, no name or identifier.
        var syncEvents = realm.admin().getAdminEvents().stream().filter(e -> "register-sync/discimus".equals(e.getResourcePath()))
                // Other test classes' realms had this realm's id (and name) before: only this test's sync.
                .filter(e -> e.getTime() >= started - 1000 && e.getTime() <= System.currentTimeMillis()).toList();
        assertEquals(1, syncEvents.size(), syncEvents.stream().map(e -> e.getTime() + " " + e.getRealmId() + " " + e.getDetails()).toList().toString());
        assertEquals("1", syncEvents.get(0).getDetails().get("created"));
        assertTrue(!JsonSerialization.writeValueAsString(syncEvents).contains(LEERID), "the sync's event names the learner");
        UserRepresentation learner = realm.admin().users().searchByAttributes(0, 2, null, true, "leerid:" + LEERID).get(0);
        setPassword(learner.getId(), "Signaal-1");
        OidcService smartschool = smartschool();
        OidcService.Login login = smartschool.login(LeerIdTestBase.SINT_JOZEF, "openid");
        OidcService.Tokens tokens;
        try (Browser browser = new Browser()) {
            browser.open(login.requestUri).login(learner.getUsername(), "Signaal-1");
            tokens = login.redeem(browser);
        }
        String pseudonym = tokens.idToken().getSubject().getValue();

        try (SetReceiver receiver = new SetReceiver();
             AdminApiClient auditor = AdminApiClient.withRealmRole(realm, "test-signals-export", "leerid-gdpr-export")) {
            awaitReleaseRecord(auditor, learner.getUsername());
            // The operator registers Smartschool's receiver; a bad URL is refused with its reason.
            HttpResponse<String> bad = putReceiver("smartschool", "{\"endpoint\":\"http://smartschool.be/ssf\"}");
            assertEquals(400, bad.statusCode());
            assertTrue(bad.body().contains("must use https"), bad.body());
            assertEquals(404, putReceiver("no-such-client", "{\"endpoint\":\"" + receiver.url() + "\"}").statusCode());
            HttpResponse<String> registered = putReceiver("smartschool", "{\"endpoint\":\"" + receiver.url() + "\"}");
            assertEquals(200, registered.statusCode(), registered.body());

            // The receiver is down when the learner leaves: the token waits and comes again.
            receiver.available(false);
            RegisterClient.Result leave = register.push(feed("delta", LocalDate.now().minusDays(150).toString()), true);
            assertEquals(1, leave.count("disabled"), leave.body().toString());
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (receiver.refused() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertTrue(receiver.refused() > 0, "the first delivery was not attempted");
            receiver.available(true);
            JWTClaimsSet disabled = SetReceiver.verify(realm.getBaseUrl(), receiver.next());
            assertEquals(List.of("smartschool"), disabled.getAudience());
            assertEquals(Map.of("format", "iss_sub", "iss", disabled.getIssuer(), "sub", pseudonym), disabled.getJSONObjectClaim("sub_id"));
            assertTrue(disabled.getJSONObjectClaim("events").containsKey(ACCOUNT_DISABLED), disabled.toString());
            assertTrue(receiver.contentTypes().stream().allMatch(type -> type.startsWith("application/secevent+jwt")), receiver.contentTypes().toString());

            // Deleting the account (retention, or an operator) purges it at the service too.
            realm.admin().users().get(learner.getId()).remove();
            JWTClaimsSet purged = SetReceiver.verify(realm.getBaseUrl(), receiver.next());
            assertEquals(pseudonym, ((Map<?, ?>) purged.getJSONObjectClaim("sub_id")).get("sub"));
            assertTrue(purged.getJSONObjectClaim("events").containsKey(ACCOUNT_PURGED), purged.toString());
            String everything = disabled + " " + purged;
            assertTrue(!everything.contains(LEERID) && !everything.contains(learner.getUsername()), everything);
        }
    }

    private void awaitReleaseRecord(AdminApiClient auditor, String username) throws Exception {
        String today = LocalDate.now(java.time.ZoneId.of("Europe/Brussels")).toString();
        long deadline = System.nanoTime() + 30_000_000_000L;
        String body = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> export = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(realm.getBaseUrl()
                            + "/leerid-gdpr-export?person=" + username + "&from=" + today + "&to=" + today))
                    .header("Authorization", "Bearer " + auditor.api().tokenManager().getAccessTokenString()).build(),
                    HttpResponse.BodyHandlers.ofString());
            body = export.body();
            if (body.contains("\"record\":\"release\"")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no release record: " + body);
    }

    private HttpResponse<String> putReceiver(String clientId, String body) throws Exception {
        String id = realm.admin().clients().findByClientId("leerid-onboarding").get(0).getId();
        String operator = RegisterClient.clientCredentialsToken(OidcService.discover(realm.getBaseUrl()).getTokenEndpointURI(),
                "leerid-onboarding", realm.admin().clients().get(id).getSecret().getValue());
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(realm.getBaseUrl() + "/leerid-providers/" + clientId + "/ssf-receiver"))
                .header("Authorization", "Bearer " + operator).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] feed(String kind, String end) {
        String header = "{\"format\":\"leerid-register-feed\",\"version\":1,\"register\":\"discimus\",\"kind\":\"" + kind
                + "\",\"sequence\":2" + (kind.equals("delta") ? ",\"since\":1" : "") + "}";
        String learner = "{\"type\":\"learner\",\"leerid\":\"" + LEERID + "\",\"givenName\":\"Sien\",\"familyName\":\"Signaal\","
                + "\"birthDate\":\"2014-05-06\",\"enrolments\":[{\"school\":\"012345\",\"grade\":\"6\",\"class\":\"6A\","
                + "\"start\":\"" + LocalDate.now().minusYears(1) + "\"" + (end == null ? "" : ",\"end\":\"" + end + "\"") + "}]}";
        return (header + "\n" + learner + "\n{\"type\":\"end\",\"rows\":1}\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private OidcService smartschool() throws Exception {
        String id = realm.admin().clients().findByClientId("smartschool").get(0).getId();
        return new OidcService(OidcService.discover(realm.getBaseUrl()), "smartschool", realm.admin().clients().get(id).getSecret().getValue());
    }

    private void setPassword(String userId, String password) {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        realm.admin().users().get(userId).resetPassword(credential);
    }
}
