package be.leerid.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * "Mijn LeerID", the realm's account page: a learner who used two demo services sees both, with the claim names
 * they received, today's values and the pseudonym each knows; "Overal afmelden" ends both demo services' sessions
 * over the back channel (OIDC, and SAML for the archive), and each OIDC service receives a signed session-revoked
 * event (Shared Signals) it verifies and shows. The page passes axe-core and reflows at 320 px.
 */
@KeycloakIntegrationTest(config = LeerIdServerConfig.class)
class MijnLeerIdIT extends LeerIdTestBase {

    @BeforeEach
    void demoServices() {
        DemoServicesProcess.startOncePerRun(realm.getBaseUrl());
    }

    @Test
    void showsWhatEachServiceReceivedAndLogsOutEverywhere() throws Exception {
        String smartschoolId = realm.admin().clients().findByClientId("smartschool-demo").get(0).getId();
        String klascementId = realm.admin().clients().findByClientId("klascement-demo").get(0).getId();
        try (Browser browser = Browser.withJavaScript(1280)) {
            browser.open(DemoServicesProcess.SMARTSCHOOL).click("login");
            browser.login(LOTTE, LOTTE_PASSWORD);
            awaitSignedIn(browser);
            browser.open(DemoServicesProcess.KLASCEMENT).click("login");
            awaitSignedIn(browser);

            URI mijn = URI.create(realm.getBaseUrl() + "/account/");
            // The release record is written once each token response committed: reload until both are listed.
            browser.open(mijn).await("leerid-mijn-hello");
            for (int i = 0; i < 50 && !(browser.has("service-" + smartschoolId) && browser.has("service-" + klascementId)); i++) {
                Thread.sleep(200);
                browser.open(mijn).await("leerid-mijn-hello");
            }
            String smartschool = browser.textOf("service-" + smartschoolId);
            String klascement = browser.textOf("service-" + klascementId);
            assertTrue(smartschool.contains("Smartschool (demo)") && smartschool.contains("Je school heeft deze dienst gekozen (012345)"), smartschool);
            assertTrue(smartschool.contains(DEV_DERIVER.derive("demo.smartschool.be", LOTTE_LEERID)), smartschool);
            assertTrue(smartschool.contains("de voornaam") && smartschool.contains("Lotte"), smartschool);
            assertTrue(smartschool.contains("het schoolnummer") && smartschool.contains("012345"), smartschool);
            assertTrue(klascement.contains("KlasCement (demo)") && klascement.contains("Deze dienst is voor iedereen."), klascement);
            assertTrue(klascement.contains(DEV_DERIVER.derive("demo.klascement.net", LOTTE_LEERID)), klascement);
            assertFalse(klascement.contains(DEV_DERIVER.derive("demo.smartschool.be", LOTTE_LEERID)), "one service's pseudonym under another");
            // Exactly the claims the release record holds for each service, in the theme's words.
            @SuppressWarnings("unchecked")
            List<String> claimKeys = (List<String>) browser.script("return Array.from(document.querySelectorAll('#service-"
                    + klascementId + " dt')).map(e => e.dataset.claim)");
            assertTrue(claimKeys.contains("leeridClaim_sub"), String.valueOf(claimKeys));
            assertFalse(browser.pageText().contains("Keycloak"), "Keycloak's name on the account page");
            // No "Account koppelen": eID links are made only by the first eID login's staff-record match.
            assertFalse(browser.pageSource().contains("idp_link") || browser.pageSource().contains("/broker/")
                    || browser.pageText().toLowerCase(java.util.Locale.ROOT).contains("koppel"), "the account page offers an account link");

            List<String> violations = browser.seriousAccessibilityViolations();
            assertTrue(violations.isEmpty(), String.join("\n", violations));
            browser.screenshot("mijn-leerid");

            browser.click("leerid-mijn-logout-all-button").await("leerid-mijn-message");
            assertTrue(browser.textOf("leerid-mijn-message").contains("Je bent nu overal afgemeld"), browser.pageText());
            browser.open(DemoServicesProcess.SMARTSCHOOL);
            assertTrue(browser.has("login"), "Smartschool (demo) is still signed in: " + browser.pageText());
            browser.open(DemoServicesProcess.KLASCEMENT);
            assertTrue(browser.has("login"), "KlasCement (demo) is still signed in: " + browser.pageText());
            // Both also got a signed session-revoked event (Shared Signals), verified with Nimbus and shown.
            for (URI demo : List.of(DemoServicesProcess.SMARTSCHOOL, DemoServicesProcess.KLASCEMENT)) {
                String expected = "session-revoked: " + DEV_DERIVER.derive(demo == DemoServicesProcess.SMARTSCHOOL
                        ? "demo.smartschool.be" : "demo.klascement.net", LOTTE_LEERID);
                browser.open(demo);
                for (int i = 0; i < 100 && !browser.pageText().contains(expected); i++) {
                    Thread.sleep(200);
                    browser.open(demo);
                }
                assertTrue(browser.pageText().contains(expected), demo + " shows no session-revoked signal: " + browser.pageText());
            }
            // LeerID's own session ended too: the account page asks for a login.
            browser.open(mijn);
            assertTrue(browser.showsLoginForm(), "still logged in at LeerID: " + browser.pageText());
        }
    }

    /**
     * A teacher logged in at the archive (SAML) and Smartschool (OIDC): "Overal afmelden" ends the archive's own session
     * too, through SAML back-channel logout (a LogoutRequest to its single logout service, which the demo archive
     * matches by session index), as it ends Smartschool's through OIDC back-channel logout.
     */
    @Test
    void logoutEverywhereReachesTheSamlServiceOverTheBackChannel() throws Exception {
        try (Browser browser = Browser.withJavaScript(1280)) {
            browser.open(DemoServicesProcess.ARCHIEF).click("login");
            browser.signInWithEid().pickCard(EidSimulator.AN_WOUTERS);
            awaitSignedIn(browser);
            browser.open(DemoServicesProcess.SMARTSCHOOL).click("login");
            awaitSignedIn(browser);

            browser.open(URI.create(realm.getBaseUrl() + "/account/")).await("leerid-mijn-hello");
            browser.click("leerid-mijn-logout-all-button").await("leerid-mijn-message");
            assertTrue(browser.textOf("leerid-mijn-message").contains("Je bent nu overal afgemeld"), browser.pageText());
            browser.open(DemoServicesProcess.ARCHIEF);
            assertTrue(browser.has("login"), "Archief (demo) is still signed in: " + browser.pageText());
            browser.open(DemoServicesProcess.SMARTSCHOOL);
            assertTrue(browser.has("login"), "Smartschool (demo) is still signed in: " + browser.pageText());
        }
    }

    /**
     * A service cannot start an eID link either: Keycloak's idp_link action is not enabled in the realm, so an
     * application-initiated kc_action=idp_link:eid is ignored and the login ends with a code, never at the gateway.
     */
    @Test
    void noServiceCanStartAnEidLink() throws Exception {
        OidcService klascement = oidc("klascement");
        URI request = URI.create(klascement.login(KLASCEMENT, "openid").requestUri + "&kc_action=idp_link:eid");
        FormLogin.Outcome outcome = FormLogin.attempt(request, LOTTE, LOTTE_PASSWORD);
        assertTrue(outcome.issuedCode(), outcome.status() + " " + outcome.location() + " " + outcome.text());
        assertTrue(outcome.location().startsWith(KLASCEMENT.toString()), outcome.location());
        assertTrue(realm.admin().flows().getRequiredActions().stream().noneMatch(action -> action.getAlias().startsWith("idp_link")),
                "the realm enables Keycloak's idp_link action");
    }

    @Test
    void reflowsAt320Pixels() throws Exception {
        try (Browser browser = Browser.withJavaScript(320)) {
            browser.open(URI.create(realm.getBaseUrl() + "/account/"));
            browser.login(LOTTE, LOTTE_PASSWORD).await("leerid-mijn-hello");
            browser.screenshot("mijn-leerid-320px");
            assertEquals(List.of(), browser.policyViolations(), "LeerID's Content-Security-Policy blocked something on the way to Mijn LeerID");
            assertFalse(browser.scrollsHorizontally(), "Mijn LeerID needs horizontal scrolling at 320 px");
        }
    }

    private static void awaitSignedIn(Browser browser) throws InterruptedException {
        for (int i = 0; i < 100 && !browser.has("signed-in"); i++) {
            Thread.sleep(100);
        }
        assertTrue(browser.has("signed-in"), "not signed in at " + browser.currentUri() + ":\n" + browser.pageText());
    }
}
