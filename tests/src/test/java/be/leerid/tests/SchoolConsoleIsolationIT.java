package be.leerid.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Every console action and address, tried by people who must not: a coordinator of another school, a
 * helpdesk delegate delegating, a teacher without the role, a password-only session, a coordinator whose
 * assignment just ended, and forms without their token. Each answer must be a refusal, and the accounts
 * they aimed at must be exactly as before.
 */
@KeycloakIntegrationTest(config = LeerIdServerConfig.class)
class SchoolConsoleIsolationIT extends LeerIdTestBase {

    private static final String A = SchoolAccounts.ATHENEUM;
    private static final String B = SchoolAccounts.SINT_JOZEF;

    /** One try: what was sent, what status it must get, what it got. */
    private record Attempt(String what, int expected, int got, boolean leaked) {

        boolean refusedProperly() {
            return expected == got && !leaked;
        }
    }

    @Test
    void aCoordinatorOfSchoolAReachesNothingOfSchoolB() throws Exception {
        try (SchoolAccounts accounts = new SchoolAccounts(realm); Browser browser = new Browser()) {
            String target = targetLearner(accounts);
            String an = userId("an.wouters");
            String jan = userId("jan.claes");
            Map<String, Object> before;

            // The learner's wrong password gives a reference code; only B's console may read it.
            String reference = SchoolConsoleIT.reference(FormLogin.attempt(oidc("smartschool").login(SINT_JOZEF, "openid").requestUri,
                    "doelwit.leerling", "Verkeerd-wachtwoord-1").text());
            before = snapshot(target, an);
            ConsoleHttp jans = console(browser, EidSimulator.JAN_CLAES, A);
            String token = jans.formToken(A);
            List<Attempt> attempts = new ArrayList<>();
            attempts.add(get(jans, "the console of B", B + "/", 403));
            attempts.add(get(jans, "search B for the learner", B + "/?q=doelwit", 403));
            attempts.add(get(jans, "search A for B's learner", A + "/?q=doelwit", 200));
            attempts.add(get(jans, "search A for B's class", A + "/?class=7Z", 200));
            attempts.add(get(jans, "B's reference code at B", B + "/reference?code=" + reference, 403));
            attempts.add(get(jans, "B's reference code at A", A + "/reference?code=" + reference, 200));
            attempts.add(get(jans, "B's use of the services", B + "/usage", 403));
            attempts.add(post(jans, "letters for B", B + "/letters", Map.of("form_token", token, "class", "7Z"), 403));
            attempts.add(post(jans, "letters in A for B's class", A + "/letters", Map.of("form_token", token, "class", "7Z"), 200));
            attempts.add(post(jans, "reset B's learner at B", B + "/people/" + target + "/reset", Map.of("form_token", token), 403));
            attempts.add(post(jans, "reset B's learner at A", A + "/people/" + target + "/reset", Map.of("form_token", token), 404));
            attempts.add(post(jans, "unlock B's learner at B", B + "/people/" + target + "/unlock", Map.of("form_token", token), 403));
            attempts.add(post(jans, "unlock B's learner at A", A + "/people/" + target + "/unlock", Map.of("form_token", token), 404));
            attempts.add(post(jans, "helpdesk for B's teacher at B", B + "/people/" + an + "/helpdesk", Map.of("form_token", token, "grant", "true"), 403));
            attempts.add(post(jans, "helpdesk for B's teacher at A", A + "/people/" + an + "/helpdesk", Map.of("form_token", token, "grant", "true"), 404));
            attempts.add(post(jans, "helpdesk for himself at A", A + "/people/" + jan + "/helpdesk", Map.of("form_token", token, "grant", "true"), 404));
            Map<String, String> services = serviceAttributes();
            attempts.add(get(jans, "B's services", B + "/services", 403));
            attempts.add(post(jans, "switch off Smartschool for B", B + "/services/" + clientUuid("smartschool"),
                    Map.of("form_token", token, "activate", "false"), 403));
            attempts.add(post(jans, "choose an open service at A", A + "/services/" + clientUuid("klascement"),
                    Map.of("form_token", token, "activate", "true"), 404));
            assertAllRefused(attempts);
            assertEquals(before, snapshot(target, an), "an attempt from another school changed an account");
            assertEquals(services, serviceAttributes(), "an attempt from another school changed a service's activations");
        }
    }

    @Test
    void aHelpdeskDelegateHelpsButNeverDelegatesAndLosesTheRightWithTheGrantOrTheGrantor() throws Exception {
        try (SchoolAccounts accounts = new SchoolAccounts(realm); Browser coordinatorBrowser = new Browser()) {
            String target = targetLearner(accounts);
            String coordinator = accounts.staff("iso.coordinator", "20000951", EidSimulator.PIET_ONBEKEND_NRN, "ict-coordinator@" + B);
            String an = userId("an.wouters");
            String jan = userId("jan.claes");
            try {
                ConsoleHttp piet = console(coordinatorBrowser, EidSimulator.PIET_ONBEKEND, B);
                // Staff log in with eID: the console never gives them a letter, a code or a password reset.
                Map<String, Object> staffBefore = snapshot(an);
                assertEquals(404, piet.post(B + "/people/" + an + "/reset", Map.of("form_token", piet.formToken(B))).status());
                assertEquals(staffBefore, snapshot(an));
                assertEquals(303, piet.post(B + "/people/" + an + "/helpdesk", Map.of("form_token", piet.formToken(B), "grant", "true")).status());

                try (Browser anBrowser = new Browser()) {
                    ConsoleHttp ans = console(anBrowser, EidSimulator.AN_WOUTERS, B);
                    String token = ans.formToken(B);
                    // What the helpdesk may do: letters and resets for the school's learners.
                    ConsoleHttp.Reply reset = ans.post(B + "/people/" + target + "/reset", Map.of("form_token", token));
                    assertEquals("application/pdf", reset.contentType(), reset.text());

                    Map<String, Object> before = snapshot(jan, coordinator);
                    List<Attempt> attempts = new ArrayList<>();
                    attempts.add(post(ans, "delegate to a colleague", B + "/people/" + jan + "/helpdesk", Map.of("form_token", token, "grant", "true"), 403));
                    attempts.add(post(ans, "withdraw from the coordinator", B + "/people/" + coordinator + "/helpdesk", Map.of("form_token", token, "grant", "false"), 403));
                    Map<String, String> services = serviceAttributes();
                    attempts.add(get(ans, "the school's services", B + "/services", 403));
                    attempts.add(post(ans, "switch off Smartschool", B + "/services/" + clientUuid("smartschool"),
                            Map.of("form_token", token, "activate", "false"), 403));
                    assertAllRefused(attempts);
                    assertEquals(before, snapshot(jan, coordinator));
                    assertEquals(services, serviceAttributes(), "a helpdesk delegate changed a service's activations");

                    // Withdrawn: gone at the next request.
                    assertEquals(303, piet.post(B + "/people/" + an + "/helpdesk", Map.of("form_token", piet.formToken(B), "grant", "false")).status());
                    assertEquals(403, ans.get(B + "/").status());
                    assertEquals(403, ans.post(B + "/people/" + target + "/reset", Map.of("form_token", token)).status());

                    // Granted again, then the grantor's assignment ends in a sync: the grant ends with it.
                    assertEquals(303, piet.post(B + "/people/" + an + "/helpdesk", Map.of("form_token", piet.formToken(B), "grant", "true")).status());
                    assertEquals(200, ans.get(B + "/").status());
                    accounts.update(coordinator, Map.of("school_role", List.of("teacher@" + B)));
                    assertEquals(403, ans.get(B + "/").status());
                    assertEquals(403, piet.get(B + "/").status(), "the former coordinator still reaches the console");
                }
            } finally {
                UserRepresentation anAccount = accounts.read(an);
                anAccount.getAttributes().remove("school_helpdesk");
                realm.admin().users().get(an).update(anAccount);
            }
        }
    }

    @Test
    void aTeacherAPasswordSessionAFormedCoordinatorAndAFormWithoutItsTokenChangeNothing() throws Exception {
        try (SchoolAccounts accounts = new SchoolAccounts(realm)) {
            String target = targetLearner(accounts);
            String coordinator = accounts.staff("iso.wachtwoord", "20000961", EidSimulator.PIET_ONBEKEND_NRN, "ict-coordinator@" + B);
            CredentialRepresentation password = new CredentialRepresentation();
            password.setType(CredentialRepresentation.PASSWORD);
            password.setValue("Coordinator-wachtwoord-1");
            password.setTemporary(false);
            realm.admin().users().get(coordinator).resetPassword(password);
            Map<String, Object> before = snapshot(target);
            List<Attempt> attempts = new ArrayList<>();

            try (Browser teacher = new Browser()) {
                ConsoleHttp ans = console(teacher, EidSimulator.AN_WOUTERS, null);
                attempts.add(get(ans, "teacher: the console of her school", B + "/", 403));
                attempts.add(post(ans, "teacher: reset", B + "/people/" + target + "/reset", Map.of("form_token", "x"), 403));
            }
            try (Browser passwordOnly = new Browser()) {
                OidcService.Login login = oidc("smartschool").login(SINT_JOZEF, "openid");
                passwordOnly.open(login.requestUri).login("iso.wachtwoord", "Coordinator-wachtwoord-1");
                login.redeem(passwordOnly);
                ConsoleHttp session = new ConsoleHttp(URI.create(realm.getBaseUrl()), cookiesAtLeerId(passwordOnly));
                ConsoleHttp.Reply page = session.get(B + "/");
                attempts.add(new Attempt("password session: the console (sent to log in with eID)", 303, page.status(),
                        page.location() == null || !page.location().contains("acr_values=urn%3Abe%3Aleerid%3Aacr%3Aeid")));
                attempts.add(post(session, "password session: reset", B + "/people/" + target + "/reset", Map.of("form_token", "x"), 403));
            }
            try (Browser eid = new Browser()) {
                ConsoleHttp piet = console(eid, EidSimulator.PIET_ONBEKEND, B);
                String token = piet.formToken(B);
                attempts.add(post(piet, "form without its token", B + "/people/" + target + "/reset", Map.of(), 403));
                attempts.add(post(piet, "form with another session's token", B + "/people/" + target + "/reset",
                        Map.of("form_token", token.substring(1) + "a"), 403));
                accounts.update(coordinator, Map.of("school_role", List.of("teacher@" + B)));
                attempts.add(get(piet, "ended assignment: the console", B + "/", 403));
                attempts.add(post(piet, "ended assignment: reset", B + "/people/" + target + "/reset", Map.of("form_token", token), 403));
            }
            assertAllRefused(attempts);
            assertEquals(before, snapshot(target));
        }
    }

    private String targetLearner(SchoolAccounts accounts) {
        String id = accounts.learner("doelwit.leerling", "10000950", B, "7Z", "7");
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue("Doelwit-wachtwoord-1");
        password.setTemporary(false);
        realm.admin().users().get(id).resetPassword(password);
        return id;
    }

    /** Logs in with an eID card; lands on the school's page (or the refusal, for school null). */
    private ConsoleHttp console(Browser browser, String card, String school) {
        browser.open(URI.create(realm.getBaseUrl() + "/school/")).signInWithEid().pickCard(card);
        browser.await(school == null ? "leerid-school-message" : "leerid-school-people");
        return new ConsoleHttp(URI.create(realm.getBaseUrl()), browser.cookies());
    }

    private Map<String, String> cookiesAtLeerId(Browser browser) {
        browser.open(URI.create(realm.getBaseUrl() + "/school/activated"));
        return browser.cookies();
    }

    private static Attempt get(ConsoleHttp console, String what, String path, int expected) throws Exception {
        ConsoleHttp.Reply reply = console.get(path);
        return new Attempt("GET " + what, expected, reply.status(), reply.text().contains("doelwit.leerling"));
    }

    private static Attempt post(ConsoleHttp console, String what, String path, Map<String, String> form, int expected) throws Exception {
        ConsoleHttp.Reply reply = console.post(path, form);
        return new Attempt("POST " + what, expected, reply.status(),
                reply.contentType().startsWith("application/pdf") || reply.text().contains("doelwit.leerling"));
    }

    private static void assertAllRefused(List<Attempt> attempts) {
        List<String> wrong = attempts.stream().filter(a -> !a.refusedProperly())
                .map(a -> a.what() + ": expected " + a.expected() + ", got " + a.got() + (a.leaked() ? " and it showed the account" : ""))
                .toList();
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    private String userId(String username) {
        return realm.admin().users().search(username, true).get(0).getId();
    }

    /** What an action could change: the accounts, their credentials, sessions, lockout and links. */
    private Map<String, Object> snapshot(String... ids) {
        Map<String, Object> state = new java.util.TreeMap<>();
        for (String id : ids) {
            var user = realm.admin().users().get(id);
            UserRepresentation rep = user.toRepresentation();
            state.put(id + "/enabled", rep.isEnabled());
            state.put(id + "/attributes", new java.util.TreeMap<>(rep.getAttributes() == null ? Map.of() : rep.getAttributes()));
            state.put(id + "/credentials", user.credentials().stream().map(c -> c.getType() + ":" + c.getId()).sorted().toList());
            state.put(id + "/sessions", user.getUserSessions().size());
            state.put(id + "/locked", realm.admin().attackDetection().bruteForceUserStatus(id).get("disabled"));
            state.put(id + "/links", user.getFederatedIdentity().size());
        }
        return state;
    }

    private String clientUuid(String clientId) {
        return realm.admin().clients().findByClientId(clientId).get(0).getId();
    }

    /** Smartschool's and KlasCement's attributes: where schools' activations live. */
    private Map<String, String> serviceAttributes() {
        Map<String, String> attributes = new java.util.TreeMap<>();
        for (String clientId : List.of("smartschool", "klascement")) {
            realm.admin().clients().get(clientUuid(clientId)).toRepresentation().getAttributes()
                    .forEach((name, value) -> attributes.put(clientId + " " + name, value));
        }
        return attributes;
    }
}
