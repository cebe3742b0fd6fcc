package be.leerid.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import be.leerid.identifiers.Claim;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * The release record and the GDPR working group's export: one row per person and service however often the person
 * logs in, refreshes and uses single sign-on, with exactly the claim names the tokens carried; login events in the
 * export; nothing a person typed, no password, national number or raw LeerID in it.
 */
@KeycloakIntegrationTest(config = LeerIdServerConfig.class)
class TransparencyIT extends LeerIdTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Transparant-1";
    private static final String LEERID = "10009901";
    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    @Test
    void oneRowPerPersonAndServiceWithTheClaimNamesTheTokensCarried() throws Exception {
        String username = "transparant.leerling";
        String id = createLearner(username, PASSWORD, LEERID);
        try (AdminApiClient auditor = AdminApiClient.withRealmRole(realm, "test-gdpr-export", "leerid-gdpr-export")) {
            OidcService smartschool = oidc("smartschool");
            OidcService klascement = oidc("klascement");
            Set<String> smartschoolClaims = new TreeSet<>();
            Set<String> klascementClaims = new TreeSet<>();
            for (int login = 0; login < 3; login++) {
                try (Browser browser = new Browser()) {
                    OidcService.Login atSchool = smartschool.login(SINT_JOZEF, "openid");
                    browser.open(atSchool.requestUri).login(username, PASSWORD);
                    OidcService.Tokens tokens = atSchool.redeem(browser);
                    smartschoolClaims.addAll(released(tokens.idToken().toJWTClaimsSet()));
                    smartschoolClaims.addAll(released(smartschool.accessTokenClaims(tokens.accessToken())));
                    smartschoolClaims.addAll(released(smartschool.userInfo(tokens.accessToken()).toJWTClaimsSet()));
                    Object refreshed = smartschool.refresh(tokens);
                    assertTrue(refreshed instanceof OidcService.Tokens, String.valueOf(refreshed));

                    OidcService.Login klas = klascement.login(KLASCEMENT, "openid");
                    browser.open(klas.requestUri);
                    assertFalse(browser.showsLoginForm(), "single sign-on");
                    OidcService.Tokens klasTokens = klas.redeem(browser);
                    klascementClaims.addAll(released(klasTokens.idToken().toJWTClaimsSet()));
                    klascementClaims.addAll(released(klascement.accessTokenClaims(klasTokens.accessToken())));
                }
            }
            // Someone types the password into the username field: the export never shows what was typed.
            try (Browser browser = new Browser()) {
                browser.open(smartschool.login(SINT_JOZEF, "openid").requestUri).login(PASSWORD, "niet-" + PASSWORD);
            }
            String token = auditor.api().tokenManager().getAccessTokenString();
            LocalDate today = LocalDate.now(BRUSSELS);

            List<JsonNode> lines = awaitExport(token, "person=" + username, today, today,
                    l -> releases(l, "release").size() == 2 && has(l, "event", "CODE_TO_TOKEN"));
            Map<String, JsonNode> byService = new java.util.HashMap<>();
            for (JsonNode release : releases(lines, "release")) {
                assertTrue(byService.put(release.path("service").asText(), release) == null, "two rows for one service: " + lines);
                assertEquals(id, release.path("person").asText());
                assertEquals(today.toString(), release.path("first_day").asText());
                assertEquals(today.toString(), release.path("last_day").asText());
            }
            assertEquals(Set.of("smartschool", "klascement"), byService.keySet());
            assertTrue(smartschoolClaims.contains(Claim.SUBJECT_CLAIM), smartschoolClaims.toString());
            assertEquals(smartschoolClaims, names(byService.get("smartschool")));
            assertEquals(klascementClaims, names(byService.get("klascement")));
            // Keycloak stores its login events of the types it saves by default (logins, code exchanges, errors), not refreshes.
            assertTrue(has(lines, "event", "LOGIN") && has(lines, "event", "CODE_TO_TOKEN"), lines.toString());

            String export = String.join("\n", lines.stream().map(JsonNode::toString).toList());
            for (String secret : List.of(PASSWORD, LEERID, username)) {
                assertFalse(export.contains(secret), "the export shows " + secret);
            }

            // A service's export lists the same row, and the failed login without what was typed.
            List<JsonNode> ofService = export(token, "service=klascement", today, today);
            assertTrue(releases(ofService, "release").stream().anyMatch(r -> id.equals(r.path("person").asText())), ofService.toString());
            String smartschoolExport = awaitExport(token, "service=smartschool", today, today, l -> has(l, "event", "LOGIN_ERROR"))
                    .stream().map(JsonNode::toString).reduce("", String::concat);
            assertFalse(smartschoolExport.contains(PASSWORD), "the export shows a typed password");
            assertFalse(java.nio.file.Files.readString(LeerIdServerConfig.SERVER_LOG).contains(PASSWORD), "the server log shows a typed password");

            // The next day's login moves only the row's last day.
            SchoolAccounts.moveServerClock(serverUrl(), 24 * 60 * 60);
            try (Browser browser = new Browser()) {
                OidcService.Login atSchool = smartschool.login(SINT_JOZEF, "openid");
                browser.open(atSchool.requestUri).login(username, PASSWORD);
                // Tomorrow's tokens: Nimbus would refuse their issue time as in the future, so only the exchange is checked.
                var exchange = atSchool.tokenRequest(atSchool.code(browser.arrivalAt(SINT_JOZEF)), atSchool.verifier).toHTTPRequest().send();
                assertEquals(200, exchange.getStatusCode(), exchange.getBody());
            } finally {
                SchoolAccounts.moveServerClock(serverUrl(), 0);
            }
            LocalDate tomorrow = today.plusDays(1);
            List<JsonNode> later = awaitExport(token, "person=" + username, today, tomorrow,
                    l -> releases(l, "release").stream().anyMatch(r -> tomorrow.toString().equals(r.path("last_day").asText())));
            JsonNode moved = releases(later, "release").stream().filter(r -> "smartschool".equals(r.path("service").asText())).findFirst().orElseThrow();
            assertEquals(today.toString(), moved.path("first_day").asText());
            assertEquals(2, releases(later, "release").size(), later.toString());
        } finally {
            realm.admin().users().get(id).remove();
        }
    }

    @Test
    void theExportIsForTheGdprWorkingGroupOnlyAndSaysWhatIsWrong() throws Exception {
        LocalDate today = LocalDate.now(BRUSSELS);
        try (AdminApiClient other = AdminApiClient.withRealmRole(realm, "test-no-gdpr-role", "leerid-audit");
             AdminApiClient auditor = AdminApiClient.withRealmRole(realm, "test-gdpr-export-2", "leerid-gdpr-export")) {
            HttpResponse<String> refused = get(other.api().tokenManager().getAccessTokenString(),
                    "person=" + LOTTE + "&from=" + today + "&to=" + today);
            assertEquals(403, refused.statusCode(), refused.body());
            assertEquals(401, get(null, "person=" + LOTTE + "&from=" + today + "&to=" + today).statusCode());
            String token = auditor.api().tokenManager().getAccessTokenString();
            HttpResponse<String> backwards = get(token, "service=klascement&from=" + today + "&to=" + today.minusDays(1));
            assertEquals(400, backwards.statusCode());
            assertTrue(backwards.body().contains("to must not be before from"), backwards.body());
            HttpResponse<String> both = get(token, "service=klascement&person=" + LOTTE + "&from=" + today + "&to=" + today);
            assertEquals(400, both.statusCode());
            HttpResponse<String> unknown = get(token, "person=niemand.bekend&from=" + today + "&to=" + today);
            assertEquals(404, unknown.statusCode());
            assertFalse(unknown.body().contains("niemand.bekend"), unknown.body());
        }
    }

    /** The LeerID claims a token carried: its sub and the vocabulary's claim names. */
    private static Set<String> released(JWTClaimsSet claims) {
        Set<String> names = new HashSet<>();
        for (String name : claims.getClaims().keySet()) {
            if (name.equals("sub") || Claim.byOidcName(name).isPresent()) {
                names.add(name);
            }
        }
        return names;
    }

    private static Set<String> names(JsonNode release) {
        Set<String> names = new TreeSet<>();
        release.path("claims").forEach(n -> names.add(n.asText()));
        return names;
    }

    private static List<JsonNode> releases(List<JsonNode> lines, String record) {
        return lines.stream().filter(l -> record.equals(l.path("record").asText())).toList();
    }

    private static boolean has(List<JsonNode> lines, String record, String type) {
        return releases(lines, record).stream().anyMatch(l -> type.equals(l.path("type").asText()));
    }

    /** The release record is written once the token response's transaction committed: poll for it. */
    private List<JsonNode> awaitExport(String token, String selection, LocalDate from, LocalDate to,
                                       Predicate<List<JsonNode>> ready) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        List<JsonNode> lines = export(token, selection, from, to);
        while (!ready.test(lines) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            lines = export(token, selection, from, to);
        }
        assertTrue(ready.test(lines), lines.toString());
        return lines;
    }

    private List<JsonNode> export(String token, String selection, LocalDate from, LocalDate to) throws Exception {
        HttpResponse<String> response = get(token, selection + "&from=" + from + "&to=" + to);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("true", response.headers().firstValue("LeerID-Export-Complete").orElse(null));
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/jsonl"));
        List<JsonNode> lines = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    private HttpResponse<String> get(String token, String query) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(realm.getBaseUrl() + "/leerid-gdpr-export?"
                + query.replace(" ", URLEncoder.encode(" ", StandardCharsets.UTF_8))));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private String serverUrl() {
        return realm.getBaseUrl().replaceAll("/realms/.*", "");
    }
}
