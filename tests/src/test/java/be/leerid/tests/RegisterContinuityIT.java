package be.leerid.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * The register over time: two records found to be one person (feed version 2's {@code replaces}), and the summer
 * between two schools, with the server's clock moved to July and October.
 */
@KeycloakIntegrationTest(config = LeerIdServerConfig.class)
class RegisterContinuityIT {

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    private static final LocalDate TODAY = LocalDate.now(BRUSSELS);
    private static final String IDENTIFIER_CHANGED = "https://schemas.openid.net/secevent/risc/event-type/identifier-changed";
    private static final String PREVIOUS_SUB = "leerid_previous_sub";

    @InjectRealm(config = SyncTestRealm.class, ref = "continuity", lifecycle = LifeCycle.METHOD)
    ManagedRealm realm;

    @Test
    void aMergedLearnerKeepsOneAccountAndEveryServiceThatKnewTheOtherLearnsItsFormerPseudonym() throws Exception {
        String merged = "30000061";
        String survivor = "30000062";
        RegisterClient register = register();
        RegisterClient.Result first = register.push(feed("full", learner(merged, null), learner(survivor, null)));
        assertEquals(2, first.count("created"), first.body().toString());
        UserRepresentation a = account(merged);
        UserRepresentation b = account(survivor);
        setPassword(a.getId(), "Samen-een-1");
        setPassword(b.getId(), "Samen-twee-2");

        OidcService smartschool = service("smartschool");
        OidcService klascement = service("klascement");
        String formerAtSmartschool = signIn(smartschool, LeerIdTestBase.SINT_JOZEF, a.getUsername(), "Samen-een-1").getSubject().getValue();
        String formerAtKlascement = signIn(klascement, LeerIdTestBase.KLASCEMENT, a.getUsername(), "Samen-een-1").getSubject().getValue();
        String survivorAtSmartschool = signIn(smartschool, LeerIdTestBase.SINT_JOZEF, b.getUsername(), "Samen-twee-2").getSubject().getValue();
        awaitReleases(a.getUsername(), "smartschool", "klascement");

        try (SetReceiver receiver = new SetReceiver()) {
            String klascementId = realm.admin().clients().findByClientId("klascement").get(0).getId();
            ClientRepresentation client = realm.admin().clients().get(klascementId).toRepresentation();
            client.getAttributes().put("leerid.ssf.receiver", receiver.url());
            realm.admin().clients().get(klascementId).update(client);

            byte[] merge = feed("delta", learner(survivor, null).replace("{\"type\":\"learner\",",
                    "{\"type\":\"learner\",\"replaces\":[\"" + merged + "\"],"));
            RegisterClient.Result merging = register.push(merge);
            assertEquals(200, merging.status(), merging.body().toString());
            assertEquals(1, merging.count("merged"), merging.body().toString());
            assertEquals(0, merging.count("disabled"), merging.body().toString());
            assertTrue(realm.admin().users().searchByAttributes(0, 2, null, true, "leerid:" + merged).isEmpty(), "the merged account is gone");

            // KlasCement hears it at once: the pseudonym it knew is replaced by the survivor's.
            JWTClaimsSet changed = SetReceiver.verify(realm.getBaseUrl(), receiver.next());
            assertEquals(List.of("klascement"), changed.getAudience());
            assertEquals(formerAtKlascement, ((Map<?, ?>) changed.getJSONObjectClaim("sub_id")).get("sub"));
            @SuppressWarnings("unchecked")
            Map<String, Object> event = (Map<String, Object>) changed.getJSONObjectClaim("events").get(IDENTIFIER_CHANGED);
            assertTrue(event != null, changed.toString());

            // Each service that knew the merged record gets its own former pseudonym beside the survivor's.
            IDTokenClaimsSet atSmartschool = signIn(smartschool, LeerIdTestBase.SINT_JOZEF, b.getUsername(), "Samen-twee-2");
            assertEquals(survivorAtSmartschool, atSmartschool.getSubject().getValue(), "the survivor's pseudonym stays");
            assertEquals(formerAtSmartschool, atSmartschool.getStringClaim(PREVIOUS_SUB));
            OidcService.Login login = klascement.login(LeerIdTestBase.KLASCEMENT, "openid");
            OidcService.Tokens atKlascement;
            try (Browser browser = new Browser()) {
                browser.open(login.requestUri).login(b.getUsername(), "Samen-twee-2");
                atKlascement = login.redeem(browser);
            }
            assertEquals(formerAtKlascement, atKlascement.idToken().getStringClaim(PREVIOUS_SUB));
            assertEquals(event.get("new-value"), atKlascement.idToken().getSubject().getValue());
            assertNotEquals(formerAtKlascement, formerAtSmartschool);
            assertEquals(formerAtKlascement, klascement.userInfo(atKlascement.accessToken()).getStringClaim(PREVIOUS_SUB));
            assertEquals(formerAtKlascement, klascement.accessTokenClaims(atKlascement.accessToken()).getStringClaim(PREVIOUS_SUB));
            assertFalse(changed.toString().contains(merged) || changed.toString().contains(survivor), "no LeerID in the signal");
        }
        // The survivor's release record now holds what the merged record's services received.
        awaitReleases(b.getUsername(), "smartschool", "klascement");

        RegisterClient.Result again = register.push(feed("delta", learner(survivor, null).replace("{\"type\":\"learner\",",
                "{\"type\":\"learner\",\"replaces\":[\"" + merged + "\"],")));
        assertEquals(0, again.count("merged") + again.count("created") + again.count("updated") + again.count("disabled"),
                "the same merge again changes nothing: " + again.body());
    }

    @Test
    void overTheSummerALearnerStaysAMemberWithoutSchoolAndLeavesInOctober() throws Exception {
        // The next summer: enrolments end on 30 June; the July sync sees 2 of 10 learners between schools (20%).
        int year = TODAY.isBefore(LocalDate.of(TODAY.getYear(), 7, 15)) ? TODAY.getYear() : TODAY.getYear() + 1;
        String juneEnd = LocalDate.of(year, 6, 30).toString();
        String[] rows = new String[10];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = learner(Integer.toString(30_000_070 + i), null);
        }
        RegisterClient.Result start = register().push(feed("full", rows));
        assertEquals(10, start.count("created"), start.body().toString());
        UserRepresentation pupil = account("30000070");
        setPassword(pupil.getId(), "Zomer-vakantie-1");
        rows[0] = learner("30000070", juneEnd);
        rows[1] = learner("30000071", juneEnd);

        String server = realm.getBaseUrl().replaceAll("/realms/.*", "");
        String secret = registerSecret();
        OidcService klascement = service("klascement");
        try {
            SchoolAccounts.moveServerClock(server, secondsUntil(LocalDate.of(year, 7, 15)));
            // Only the register's and the services' own endpoints while the clock is moved: the admin API's token
            // would be from the past.
            RegisterClient.Result july = register(secret).push(feed("full", rows));
            assertEquals(200, july.status(), "applied without force: " + july.body());
            assertEquals(0, july.count("disabled"), july.body().toString());
            assertEquals(2, july.count("updated"), july.body().toString());

            // Still logs in, at an open service, as a member without any school.
            OidcService.Login login = klascement.login(LeerIdTestBase.KLASCEMENT, "openid").withServerClockAhead(secondsUntil(LocalDate.of(year, 7, 15)));
            IDTokenClaimsSet token;
            try (Browser browser = new Browser()) {
                browser.open(login.requestUri).login(pupil.getUsername(), "Zomer-vakantie-1");
                token = login.redeem(browser).idToken();
            }
            assertEquals(List.of("member"), token.getStringListClaim("eduperson_affiliation"), token.toJSONObject().toString());
            assertNull(token.getClaim("ov_orgcode"), token.toJSONObject().toString());
            assertNull(token.getClaim("leerid_schools"), token.toJSONObject().toString());

            // On 1 October the grace has ended: the daily run makes the two leavers, with no feed needed.
            SchoolAccounts.moveServerClock(server, secondsUntil(LocalDate.of(year, 10, 1)));
            RegisterClient.Result daily = register(secret).post("retention");
            assertEquals(200, daily.status(), daily.body().toString());
            assertEquals(2, daily.count("disabled"), daily.body().toString());
        } finally {
            SchoolAccounts.moveServerClock(server, 0);
        }
        UserRepresentation after = account("30000070");
        assertFalse(after.isEnabled());
        assertEquals(List.of(LocalDate.of(year, 10, 1).toString()), after.getAttributes().get("left_on"));
        assertEquals(List.of("member"), after.getAttributes().get("affiliation"));
        assertTrue(account("30000072").isEnabled(), "learners with a school stay");
        assertEquals(List.of("012345"), account("30000072").getAttributes().get("school"));
    }

    // --- helpers -------------------------------------------------------------------------------

    private RegisterClient register() throws Exception {
        return register(registerSecret());
    }

    private String registerSecret() {
        String id = realm.admin().clients().findByClientId("register-sync").get(0).getId();
        return realm.admin().clients().get(id).getSecret().getValue();
    }

    /** A register client with a token from the server's clock now (the clock moves; the admin API is not used then). */
    private RegisterClient register(String secret) throws Exception {
        return new RegisterClient(realm.getBaseUrl(), RegisterClient.clientCredentialsToken(
                OidcService.discover(realm.getBaseUrl()).getTokenEndpointURI(), "register-sync", secret));
    }

    private static int secondsUntil(LocalDate day) {
        return Math.toIntExact(Duration.between(ZonedDateTime.now(BRUSSELS), day.atTime(LocalTime.of(10, 0)).atZone(BRUSSELS)).getSeconds());
    }

    private static String learner(String leerid, String end) {
        return "{\"type\":\"learner\",\"leerid\":\"" + leerid + "\",\"givenName\":\"Mila\",\"familyName\":\"Claes\","
                + "\"birthDate\":\"2014-05-06\",\"enrolments\":[{\"school\":\"012345\",\"grade\":\"6\",\"class\":\"6A\","
                + "\"start\":\"" + TODAY.minusYears(1) + "\"" + (end == null ? "" : ",\"end\":\"" + end + "\"") + "}]}";
    }

    private static byte[] feed(String kind, String... rows) {
        StringBuilder feed = new StringBuilder("{\"format\":\"leerid-register-feed\",\"version\":2,\"register\":\"discimus\",\"kind\":\"")
                .append(kind).append("\",\"sequence\":2").append(kind.equals("delta") ? ",\"since\":1" : "").append("}\n");
        for (String row : rows) {
            feed.append(row).append('\n');
        }
        return feed.append("{\"type\":\"end\",\"rows\":").append(rows.length).append("}\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private OidcService service(String clientId) throws Exception {
        String id = realm.admin().clients().findByClientId(clientId).get(0).getId();
        return new OidcService(OidcService.discover(realm.getBaseUrl()), clientId, realm.admin().clients().get(id).getSecret().getValue());
    }

    /** A password login in a fresh browser; the validated ID token. */
    private static IDTokenClaimsSet signIn(OidcService service, URI redirect, String username, String password) throws Exception {
        OidcService.Login login = service.login(redirect, "openid");
        try (Browser browser = new Browser()) {
            browser.open(login.requestUri).login(username, password);
            return login.redeem(browser).idToken();
        }
    }

    private UserRepresentation account(String leerid) {
        List<UserRepresentation> found = realm.admin().users().searchByAttributes(0, 2, null, true, "leerid:" + leerid);
        assertEquals(1, found.size(), "accounts with LeerID " + leerid);
        return realm.admin().users().get(found.get(0).getId()).toRepresentation();
    }

    private void setPassword(String userId, String password) {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        realm.admin().users().get(userId).resetPassword(credential);
    }

    /** Waits until the release record (GDPR export) lists these services for the person. */
    private void awaitReleases(String username, String... services) throws Exception {
        try (AdminApiClient auditor = AdminApiClient.withRealmRole(realm, "test-continuity-export-" + System.nanoTime(), "leerid-gdpr-export")) {
            long deadline = System.nanoTime() + 30_000_000_000L;
            String body = "";
            while (System.nanoTime() < deadline) {
                body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(realm.getBaseUrl()
                                + "/leerid-gdpr-export?person=" + username + "&from=" + TODAY + "&to=" + TODAY))
                        .header("Authorization", "Bearer " + auditor.api().tokenManager().getAccessTokenString()).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                List<String> releases = body.lines().filter(line -> line.contains("\"record\":\"release\"")).toList();
                if (java.util.Arrays.stream(services).allMatch(service -> releases.stream().anyMatch(line -> line.contains("\"service\":\"" + service + "\"")))) {
                    return;
                }
                Thread.sleep(200);
            }
            throw new AssertionError("the release record does not list " + List.of(services) + ": " + body);
        }
    }
}
