package be.leerid.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import be.leerid.tools.register.SyntheticRegister;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.LogoutTokenValidator;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.util.JsonSerialization;

/**
 * The register is the source of truth: feeds create, move and retire accounts through the
 * register-sync endpoint. Each test gets a fresh realm (the shipped config, no dev users).
 */
@KeycloakIntegrationTest(config = LeerIdServerConfig.class)
class RegisterSyncIT {

    static final String REALM = "leerid-sync-test";
    private static final LocalDate TODAY = LocalDate.now(java.time.ZoneId.of("Europe/Brussels"));
    /** A leaver's enrolment end: longer ago than any grace between schools (at most until 30 September). */
    static final String LEFT_LONG_AGO = TODAY.minusDays(150).toString();
    private static final String START = TODAY.minusYears(1).toString();

    @InjectRealm(config = SyncTestRealm.class, ref = "sync", lifecycle = LifeCycle.METHOD)
    ManagedRealm realm;

    private RegisterClient register;

    @BeforeEach
    void registerClient() throws Exception {
        String id = realm.admin().clients().findByClientId("register-sync").get(0).getId();
        String secret = realm.admin().clients().get(id).getSecret().getValue();
        register = new RegisterClient(realm.getBaseUrl(), RegisterClient.clientCredentialsToken(
                OidcService.discover(realm.getBaseUrl()).getTokenEndpointURI(), "register-sync", secret));
    }

    // --- feeds -------------------------------------------------------------------------------

    private static String header(String register, String kind) {
        return "{\"format\":\"leerid-register-feed\",\"version\":1,\"register\":\"" + register + "\",\"kind\":\"" + kind
                + "\",\"sequence\":2" + (kind.equals("delta") ? ",\"since\":1" : "") + "}";
    }

    private static String learner(String leerid, String school, String end) {
        return "{\"type\":\"learner\",\"leerid\":\"" + leerid + "\",\"givenName\":\"Fien\",\"familyName\":\"Dewulf\","
                + "\"birthDate\":\"2014-05-06\",\"enrolments\":[{\"school\":\"" + school + "\",\"grade\":\"6\",\"class\":\"6A\","
                + "\"start\":\"" + START + "\"" + (end == null ? "" : ",\"end\":\"" + end + "\"") + "}]}";
    }

    private static byte[] feed(String header, String... rows) {
        StringBuilder feed = new StringBuilder(header).append('\n');
        for (String row : rows) {
            feed.append(row).append('\n');
        }
        return feed.append("{\"type\":\"end\",\"rows\":").append(rows.length).append("}\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] synthetic(int learners, int staff, boolean staffFeed) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SyntheticRegister generator = new SyntheticRegister(11, learners, staff, TODAY);
        if (staffFeed) {
            generator.writeStaff(out, 1);
        } else {
            generator.writeLearners(out, 1);
        }
        return out.toByteArray();
    }

    private UserRepresentation account(String leerid) {
        List<UserRepresentation> found = realm.admin().users().searchByAttributes(0, 2, null, true, "leerid:" + leerid);
        assertEquals(1, found.size(), "one account for the LeerID");
        return realm.admin().users().get(found.get(0).getId()).toRepresentation();
    }

    // --- tests -------------------------------------------------------------------------------

    @Test
    void oneSyncOfARegisterRunsAtATimeAndItsJobIsPolledFromTheDatabase() throws Exception {
        // Long enough to be running when the next feeds arrive (the test server answers 202 after 1 s).
        RegisterClient.Result running = register.send(synthetic(20_000, 0, false), false);
        assertEquals(202, running.status(), running.body().toString());

        RegisterClient.Result second = register.send(feed(header("discimus", "delta"), learner("30000300", "012345", null)), false);
        assertEquals(409, second.status(), second.body().toString());
        assertEquals("sync_in_progress", second.body().get("error"));
        RegisterClient.Result staff = register.push(synthetic(10, 3, true));
        assertEquals(200, staff.status(), "another register's sync is not blocked: " + staff.body());

        RegisterClient.Result done = register.await(running, java.time.Duration.ofMinutes(5));
        assertEquals(200, done.status(), done.body().toString());
        assertEquals(20_000, done.count("created"));
        assertEquals(done.body(), register.poll((String) running.body().get("location")).body(), "the report stays readable");
        assertEquals(404, register.poll(((String) running.body().get("location")).replaceAll("jobs/.*", "jobs/no-such-job")).status());
        assertTrue(realm.admin().users().searchByAttributes(0, 2, null, true, "leerid:30000300").isEmpty(), "a refused feed changes nothing");
        assertEquals(200, register.push(feed(header("discimus", "delta"), learner("30000300", "012345", null))).status());
    }

    @Test
    void fullSyncThenTheSameFeedAgainChangesNothing() throws Exception {
        byte[] learners = synthetic(400, 60, false);
        byte[] staff = synthetic(400, 60, true);
        RegisterClient.Result first = register.push(learners);
        assertEquals(200, first.status(), first.body().toString());
        assertEquals(400, first.count("created"));
        assertEquals(60, register.push(staff).count("created"));

        RegisterClient.Result again = register.push(learners);
        assertEquals(200, again.status());
        assertEquals(0, again.count("created") + again.count("updated") + again.count("disabled"));
        assertEquals(400, again.count("unchanged"));
        RegisterClient.Result staffAgain = register.push(staff);
        assertEquals(0, staffAgain.count("created") + staffAgain.count("updated") + staffAgain.count("disabled"));

        UserRepresentation learner = account(SyntheticRegister.leerid(0));
        assertEquals(List.of("student", "member"), learner.getAttributes().get("affiliation"));
        assertTrue(learner.isEnabled());
    }

    @Test
    void moveKeepsTheAccountAndPseudonymAndTheNextRefreshSeesTheNewSchool() throws Exception {
        assertEquals(200, register.push(feed(header("discimus", "full"), learner("30000001", "012345", null))).status());
        UserRepresentation before = account("30000001");
        setPassword(before.getId(), "Verhuis-1");

        OidcService smartschool = smartschool();
        OidcService.Tokens tokens = signIn(smartschool, "openid", before.getUsername(), "Verhuis-1");
        assertEquals(List.of("012345"), tokens.idToken().getStringListClaim("ov_orgcode"));

        String moved = "{\"type\":\"learner\",\"leerid\":\"30000001\",\"givenName\":\"Fien\",\"familyName\":\"Dewulf\","
                + "\"birthDate\":\"2014-05-06\",\"enrolments\":[{\"school\":\"012345\",\"grade\":\"6\",\"class\":\"6A\",\"start\":\""
                + START + "\",\"end\":\"" + TODAY + "\"},{\"school\":\"067890\",\"grade\":\"6\",\"class\":\"6C\",\"start\":\"" + TODAY + "\"}]}";
        RegisterClient.Result move = register.push(feed(header("discimus", "delta"), moved));
        assertEquals(1, move.count("updated"), move.body().toString());

        UserRepresentation after = account("30000001");
        assertEquals(before.getId(), after.getId());
        assertEquals(List.of("067890"), after.getAttributes().get("school"));
        OidcService.Tokens refreshed = assertInstanceOf(OidcService.Tokens.class, smartschool.refresh(tokens));
        assertEquals(List.of("067890"), refreshed.idToken().getStringListClaim("ov_orgcode"));
        assertEquals(tokens.idToken().getSubject(), refreshed.idToken().getSubject());

        // Then the learner leaves: disabled, every session gone, the refresh token dead, and Smartschool, which
        // registered a back-channel logout endpoint, hears it at once, under the pseudonym it knows. In a realm of
        // one account that is 100% of all accounts, so the mass-disable guard needs force.
        try (LogoutReceiver receiver = new LogoutReceiver()) {
            String smartschoolId = realm.admin().clients().findByClientId("smartschool").get(0).getId();
            ClientRepresentation client = realm.admin().clients().get(smartschoolId).toRepresentation();
            client.getAttributes().put("backchannel.logout.url", receiver.url());
            client.getAttributes().put("backchannel.logout.session.required", "true");
            client.setFrontchannelLogout(false);
            realm.admin().clients().get(smartschoolId).update(client);

            RegisterClient.Result leave = register.push(feed(header("discimus", "delta"), learner("30000001", "067890", LEFT_LONG_AGO)), true);
            assertEquals(1, leave.count("disabled"), leave.body().toString());
            assertFalse(account("30000001").isEnabled());
            assertEquals(0, realm.admin().users().get(after.getId()).getUserSessions().size());
            ErrorObject error = assertInstanceOf(ErrorObject.class, smartschool.refresh(refreshed));
            assertEquals(OAuth2Error.INVALID_GRANT.getCode(), error.getCode());

            OIDCProviderMetadata provider = OidcService.discover(realm.getBaseUrl());
            LogoutTokenClaimsSet logout = new LogoutTokenValidator(provider.getIssuer(), new ClientID("smartschool"),
                    JWSAlgorithm.RS256, provider.getJWKSetURI().toURL(), null).validate(JWTParser.parse(receiver.token()));
            assertEquals(tokens.idToken().getSubject(), logout.getSubject());
            assertEquals(tokens.idToken().getSessionID(), logout.getSessionID());
        }
    }

    @Test
    void aLeaverLosesOfflineTokensToo() throws Exception {
        register.push(feed(header("discimus", "full"), learner("30000040", "012345", null)));
        UserRepresentation learner = account("30000040");
        setPassword(learner.getId(), "Offline-1");
        // This realm only: let Smartschool ask for offline access, so there is an offline token to revoke.
        String smartschoolId = realm.admin().clients().findByClientId("smartschool").get(0).getId();
        String offlineScope = realm.admin().clientScopes().findAll().stream()
                .filter(scope -> scope.getName().equals("offline_access")).findFirst().orElseThrow().getId();
        realm.admin().clients().get(smartschoolId).addOptionalClientScope(offlineScope);

        OidcService smartschool = smartschool();
        OidcService.Tokens tokens = signIn(smartschool, "openid offline_access", learner.getUsername(), "Offline-1");
        assertEquals(1, realm.admin().users().get(learner.getId()).getOfflineSessions(smartschoolId).size());

        RegisterClient.Result leave = register.push(feed(header("discimus", "delta"), learner("30000040", "012345", LEFT_LONG_AGO)), true);
        assertEquals(1, leave.count("disabled"), leave.body().toString());
        assertEquals(0, realm.admin().users().get(learner.getId()).getOfflineSessions(smartschoolId).size());
        ErrorObject error = assertInstanceOf(ErrorObject.class, smartschool.refresh(tokens));
        assertEquals(OAuth2Error.INVALID_GRANT.getCode(), error.getCode());
    }

    @Test
    void staffWithTwoSchoolsGetsBothAndTheNationalRegisterNumberIsOnlyHashed() throws Exception {
        String nrn = "85073003328";
        String staff = "{\"type\":\"staff\",\"staffId\":\"E77\",\"nationalRegisterNumber\":\"" + nrn + "\",\"givenName\":\"An\","
                + "\"familyName\":\"Wouters\",\"assignments\":[{\"school\":\"012345\",\"role\":\"teacher\",\"start\":\"" + START + "\"},"
                + "{\"school\":\"067890\",\"role\":\"ict-coordinator\",\"start\":\"" + START + "\"}]}";
        assertEquals(1, register.push(feed(header("edison", "full"), staff)).count("created"));
        UserRepresentation account = account("S-E77");
        Map<String, List<String>> attributes = account.getAttributes();
        assertEquals(List.of("012345", "067890"), attributes.get("school"));
        assertEquals(List.of("teacher@012345", "ict-coordinator@067890"), attributes.get("school_role"));
        assertEquals(List.of("faculty", "staff", "employee", "member"), attributes.get("affiliation"));
        assertEquals(52, attributes.get("nrn_hash").get(0).length());
        assertFalse(JsonSerialization.writeValueAsString(account).contains(nrn), "the national register number is stored in clear");
    }

    @Test
    void malformedFeedsChangeNothing() throws Exception {
        assertEquals(200, register.push(feed(header("discimus", "full"), learner("30000002", "012345", null))).status());
        int users = realm.admin().users().count();
        String before = JsonSerialization.writeValueAsString(account("30000002"));

        byte[] moved = feed(header("discimus", "full"), learner("30000002", "067890", null), learner("30000003", "067890", null));
        String whole = new String(moved, StandardCharsets.UTF_8);
        byte[] truncated = whole.substring(0, whole.indexOf("{\"type\":\"end\"")).getBytes(StandardCharsets.UTF_8);
        byte[] wrongVersion = whole.replace("\"version\":1", "\"version\":9").getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = whole.replace("Dewulf", "Dewülf").getBytes(StandardCharsets.ISO_8859_1);
        byte[] csv = "leerid;givenName;familyName\n30000002;Fien;Dewulf\n".getBytes(StandardCharsets.UTF_8);
        for (byte[] bad : List.of(truncated, wrongVersion, latin1, csv)) {
            RegisterClient.Result result = register.push(bad);
            assertEquals(400, result.status(), result.body().toString());
            assertEquals("malformed_feed", result.body().get("error"));
        }
        assertEquals(users, realm.admin().users().count());
        assertEquals(before, JsonSerialization.writeValueAsString(account("30000002")));
    }

    @Test
    void badRowsAreReportedAndTheValidRowsApplied() throws Exception {
        RegisterClient.Result result = register.push(feed(header("discimus", "full"),
                learner("30000010", "012345", null),
                learner("", "012345", null).replace("\"leerid\":\"\",", ""),
                learner("30000011", "12AB", null),
                learner("30000012", "012345", null).replace("2014-05-06", "2014-02-30"),
                learner("30000013", "012345", null),
                learner("30000013", "067890", null)));
        assertEquals(200, result.status(), result.body().toString());
        assertEquals(1, result.count("created"));
        assertEquals(List.of(
                Map.of("line", 3, "reason", "missing leerid"),
                Map.of("line", 4, "reason", "unknown school format (5 or 6 digit institution number)"),
                Map.of("line", 5, "reason", "impossible birthDate"),
                Map.of("line", 6, "reason", "duplicate id (also on line 7)"),
                Map.of("line", 7, "reason", "duplicate id (also on line 6)")), result.problems());
        account("30000010");
        assertTrue(realm.admin().users().searchByAttributes(0, 2, null, true, "leerid:30000013").isEmpty());
    }

    @Test
    void aFeedThatWouldDisableTooManyAccountsIsRefusedUnlessForced() throws Exception {
        String[] hundred = new String[100];
        for (int i = 0; i < hundred.length; i++) {
            hundred[i] = learner(Integer.toString(30_000_100 + i), "012345", null);
        }
        assertEquals(100, register.push(feed(header("discimus", "full"), hundred)).count("created"));

        String[] ninety = java.util.Arrays.copyOf(hundred, 90);
        RegisterClient.Result refused = register.push(feed(header("discimus", "full"), ninety));
        assertEquals(409, refused.status(), refused.body().toString());
        assertEquals("too_many_disables", refused.body().get("error"));
        assertTrue(account("30000199").isEnabled(), "a refused feed must change nothing");

        RegisterClient.Result forced = register.push(feed(header("discimus", "full"), ninety), true);
        assertEquals(200, forced.status());
        assertEquals(10, forced.count("disabled"));
        assertFalse(account("30000199").isEnabled());
    }

    @Test
    void leaversAreDeletedAfterTheRetentionPeriod() throws Exception {
        register.push(feed(header("discimus", "full"), learner("30000030", "012345", null), learner("30000031", "012345", null)));
        String ended = LEFT_LONG_AGO;
        RegisterClient.Result leave = register.push(feed(header("discimus", "delta"),
                learner("30000030", "012345", ended), learner("30000031", "012345", ended)), true);
        assertEquals(2, leave.count("disabled"), leave.body().toString());

        UserRepresentation longGone = account("30000030");
        longGone.getAttributes().put("left_on", List.of(TODAY.minusDays(366).toString()));
        realm.admin().users().get(longGone.getId()).update(longGone);

        RegisterClient.Result purge = register.post("retention");
        assertEquals(200, purge.status(), purge.body().toString());
        assertEquals(1, purge.count("deleted"));
        assertTrue(realm.admin().users().searchByAttributes(0, 2, null, true, "leerid:30000030").isEmpty());
        assertFalse(account("30000031").isEnabled(), "a recent leaver is kept, disabled");
    }

    @Test
    void onlyTheRegisterSyncRoleMayPushFeeds() throws Exception {
        byte[] feed = feed(header("discimus", "full"), learner("30000020", "012345", null));
        assertEquals(401, new RegisterClient(realm.getBaseUrl(), null).push(feed).status());

        ClientRepresentation other = new ClientRepresentation();
        other.setClientId("geen-register");
        other.setServiceAccountsEnabled(true);
        other.setPublicClient(false);
        other.setSecret("geen-register-geheim");
        try (Response response = realm.admin().clients().create(other)) {
            CreatedResponseUtil.getCreatedId(response);
        }
        String token = RegisterClient.clientCredentialsToken(OidcService.discover(realm.getBaseUrl()).getTokenEndpointURI(),
                "geen-register", "geen-register-geheim");
        assertEquals(403, new RegisterClient(realm.getBaseUrl(), token).push(feed).status());
        assertTrue(realm.admin().users().searchByAttributes(0, 2, null, true, "leerid:30000020").isEmpty());
    }

    private OidcService smartschool() throws Exception {
        String id = realm.admin().clients().findByClientId("smartschool").get(0).getId();
        return new OidcService(OidcService.discover(realm.getBaseUrl()), "smartschool",
                realm.admin().clients().get(id).getSecret().getValue());
    }

    /** A password login at Sint-Jozef's Smartschool in a fresh browser; the validated tokens. */
    private static OidcService.Tokens signIn(OidcService smartschool, String scope, String username, String password) throws Exception {
        OidcService.Login login = smartschool.login(LeerIdTestBase.SINT_JOZEF, scope);
        try (Browser browser = new Browser()) {
            browser.open(login.requestUri).login(username, password);
            return login.redeem(browser);
        }
    }

    private void setPassword(String userId, String password) {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        realm.admin().users().get(userId).resetPassword(credential);
    }
}
