package be.leerid.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.openqa.selenium.Keys;

/**
 * LeerID's pages as people meet them in Chromium with JavaScript on: axe-core finds no serious or
 * critical WCAG 2.1 A/AA violation, and the Content-Security-Policy blocks nothing, on the login, lockout, refusal, eID-refusal, logout and account pages; the login works by keyboard alone and reflows at 320 px and 200 %
 * zoom; the page names the service; every page in four languages. Screenshots go to
 * tests/target/screenshots for the README.
 */
@KeycloakIntegrationTest(config = LeerIdServerConfig.class)
class AccessibilityIT extends LeerIdTestBase {

    private static void assertAccessible(Browser browser, String page) throws Exception {
        browser.screenshot(page);
        List<String> blocked = browser.policyViolations();
        assertTrue(blocked.isEmpty(), page + ": the Content-Security-Policy blocked " + String.join("\n", blocked));
        List<String> violations = browser.seriousAccessibilityViolations();
        assertTrue(violations.isEmpty(), page + ": " + String.join("\n", violations));
    }

    @Test
    void loginPageNamesTheServiceAndPassesAxe() throws Exception {
        try (Browser browser = Browser.withJavaScript(1280)) {
            browser.open(oidc("klascement").login(KLASCEMENT, "openid").requestUri);
            assertTrue(browser.textOf("leerid-service").contains("Je meldt je aan bij KlasCement"), browser.pageText());
            assertTrue(browser.pageText().contains("Aanmelden met eID"));
            assertFalse(browser.pageSource().contains("<!-- template"), "a developer comment is in the page (it showed inside the h1)");
            assertAccessible(browser, "login");
        }
    }

    /** After too many wrong tries the page says what to do, with a reference code for the school. */
    @Test
    void lockoutPageSaysWhatToDoAndPassesAxe() throws Exception {
        try (Browser browser = Browser.withJavaScript(1280)) {
            browser.open(oidc("klascement").login(KLASCEMENT, "openid").requestUri);
            for (int attempt = 1; attempt <= 6 && !browser.pageText().contains(SchoolConsoleIT.TOO_MANY); attempt++) {
                browser.login("niet.bestaand.axe", "fout-" + attempt);
            }
            assertTrue(browser.pageText().contains(SchoolConsoleIT.TOO_MANY), browser.pageText());
            SchoolConsoleIT.reference(browser.pageText());
            assertAccessible(browser, "lockout");
        }
    }

    @Test
    void errorAndRefusalPagesPassAxe() throws Exception {
        try (Browser browser = Browser.withJavaScript(1280)) {
            browser.open(archief().authnRequest().browserUri()).login(LOTTE, LOTTE_PASSWORD);
            assertTrue(browser.pageText().contains("alleen voor personeelsleden"), browser.pageText());
            assertTrue(browser.pageText().contains("Aanmelden lukt hier niet"), "a clear title: " + browser.pageText());
            SchoolConsoleIT.reference(browser.pageText());
            // The archive has no home page configured: the way back is the site its assertion would have gone to.
            assertEquals("Terug naar Het Archief voor Onderwijs", browser.textOf("backToApplication"));
            assertEquals("https://onderwijs.hetarchief.be/", browser.linkOf("backToApplication"));
            assertAccessible(browser, "archive-refused");
            // Not a dead end: "log in as someone else" ends this session, and the archive asks for a login again.
            browser.click("leerid-someone-else");
            browser.submitLogoutConfirmation();
            browser.open(archief().authnRequest().browserUri());
            assertTrue(browser.showsLoginForm(), "the archive's next request asks who logs in: " + browser.pageText());
        }
        try (Browser browser = Browser.withJavaScript(1280)) {
            browser.open(oidc("klascement").login(KLASCEMENT, "openid").requestUri).signInWithEid().pickCard(EidSimulator.PIET_ONBEKEND);
            assertTrue(browser.pageText().contains("niet gekend als personeelslid"), browser.pageText());
            assertAccessible(browser, "eid-refused");
        }
    }

    @Test
    void logoutLeavesNoNameAndPassesAxe() throws Exception {
        try (Browser browser = Browser.withJavaScript(1280)) {
            OidcService.Login login = oidc("klascement").login(KLASCEMENT, "openid");
            browser.open(login.requestUri).login(LOTTE, LOTTE_PASSWORD);
            login.redeem(browser);
            browser.open(URI.create(provider().getEndSessionEndpointURI().toString()));
            assertAccessible(browser, "logout-confirm");
            assertFalse(browser.pageText().contains("Lotte") || browser.pageText().contains(LOTTE), "a name is on the logout page");
        }
    }

    /** The realm's account page is Mijn LeerID (MijnLeerIdIT shows what it lists), not Keycloak's account console. */
    @Test
    void accountPageIsMijnLeerIdAndPassesAxe() throws Exception {
        try (Browser browser = Browser.withJavaScript(1280)) {
            browser.open(URI.create(realm.getBaseUrl() + "/account"));
            browser.login(LOTTE, LOTTE_PASSWORD).await("leerid-mijn-hello");
            assertTrue(browser.has("leerid-mijn-logout-all-button"), browser.pageText());
            assertAccessible(browser, "account");
        }
    }

    @Test
    void notYouStartsAFreshLoginOnASharedDevice() throws Exception {
        try (Browser browser = new Browser()) {
            OidcService.Login login = oidc("klascement").login(KLASCEMENT, "openid");
            browser.open(login.requestUri).login(LOTTE, "verkeerd-wachtwoord");
            assertTrue(browser.pageSource().contains("value=\"" + LOTTE + "\""), "the username should stay in the field");
            assertTrue(browser.pageText().contains("Niet jij?"), browser.pageText());
            browser.click("leerid-not-you-link");
            assertTrue(browser.showsLoginForm());
            assertFalse(browser.pageSource().contains("value=\"" + LOTTE + "\""), "someone else's username is still in the field");
            browser.login("noah.janssens", "Leerling-demo-2");
            assertEquals(DEV_DERIVER.derive("www.klascement.net", "10000002"), login.redeem(browser).idToken().getSubject().getValue());
        }
    }

    @Test
    void loginWorksByKeyboardAlone() throws Exception {
        try (Browser browser = Browser.withJavaScript(1280)) {
            OidcService.Login login = oidc("klascement").login(KLASCEMENT, "openid");
            browser.open(login.requestUri);
            // The username field has the focus; Tab moves to the password, Enter signs in.
            browser.type(LOTTE).type(Keys.TAB).type(LOTTE_PASSWORD).type(Keys.ENTER);
            assertEquals(DEV_DERIVER.derive("www.klascement.net", LOTTE_LEERID), login.redeem(browser).idToken().getSubject().getValue());
        }
    }

    @ParameterizedTest(name = "{0} px wide at {1} %")
    @CsvSource({"320, 100", "640, 200"})
    void loginReflowsWithoutHorizontalScrolling(int width, int zoom) throws Exception {
        try (Browser browser = Browser.withJavaScript(width)) {
            browser.open(oidc("klascement").login(KLASCEMENT, "openid").requestUri);
            if (zoom != 100) {
                browser.zoom(zoom);
            }
            browser.screenshot("login-" + width + "px-" + zoom);
            assertFalse(browser.scrollsHorizontally(), "the login page needs horizontal scrolling at " + width + " px, " + zoom + " %");
        }
    }

    @Test
    void theLanguageSwitchChangesThePage() throws Exception {
        try (Browser browser = Browser.withJavaScript(1280)) {
            browser.open(oidc("klascement").login(KLASCEMENT, "openid").requestUri);
            assertTrue(browser.pageText().contains("Je meldt je aan bij KlasCement"));
            browser.chooseLanguage("English");
            for (int i = 0; i < 100 && !browser.pageText().contains("You are signing in to KlasCement"); i++) {
                Thread.sleep(100);
            }
            assertTrue(browser.pageText().contains("You are signing in to KlasCement"), browser.pageText());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "nl | Je bent niet gekend als personeelslid van een school | Aanmelden lukt hier niet",
            "fr | Vous n'êtes pas connu comme membre du personnel d'une école | Connexion impossible ici",
            "en | You are not known as a member of staff of a school | You cannot log in here",
            "de | Sie sind nicht als Personalmitglied einer Schule bekannt | Anmelden ist hier nicht möglich"})
    void theEidRefusalSpeaksFourLanguages(String locale, String refusal, String title) throws Exception {
        try (Browser browser = new Browser()) {
            browser.open(URI.create(oidc("klascement").login(KLASCEMENT, "openid").requestUri + "&ui_locales=" + locale))
                    .signInWithEid().pickCard(EidSimulator.PIET_ONBEKEND);
            browser.await("kc-page-title");
            assertTrue(browser.pageText().contains(refusal), locale + ": " + browser.pageText());
            // The same structure in every language: title, reason, reference code, back to the service, someone else.
            assertTrue(browser.textOf("kc-page-title").contains(title), locale + ": " + browser.textOf("kc-page-title"));
            assertTrue(browser.has("leerid-reference"), locale + ": no reference code");
            assertTrue(browser.textOf("backToApplication").contains("KlasCement"), locale + ": " + browser.pageText());
            assertEquals("https://www.klascement.net/", browser.linkOf("backToApplication"));
            assertTrue(browser.has("leerid-someone-else"), locale + ": no way to log in as someone else");
            browser.screenshot("eid-refused-" + locale);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(quoteCharacter = '"', value = {"nl, Je meldt je aan bij KlasCement, Je wachtwoord, Aanmelden met eID",
            "fr, Vous vous connectez à KlasCement, Votre mot de passe, Se connecter avec l'eID",
            "en, You are signing in to KlasCement, Your password, Log in with eID",
            "de, Sie melden sich an bei KlasCement, Ihr Passwort, Mit eID anmelden"})
    void theLoginPageSpeaksFourLanguages(String locale, String title, String passwordLabel, String eid) throws Exception {
        try (Browser browser = Browser.withJavaScript(1280)) {
            browser.open(URI.create(oidc("klascement").login(KLASCEMENT, "openid").requestUri + "&ui_locales=" + locale));
            String text = browser.pageText();
            assertTrue(text.contains(title) && text.contains(passwordLabel), locale + ": " + text);
            assertTrue(browser.textOf("social-eid").contains(eid), locale + ": the eID button says " + browser.textOf("social-eid"));
            assertFalse(text.contains("???") || text.matches("(?s).*\\bleerid[A-Z]\\w+.*"), "a message key shows: " + text);
            browser.screenshot("login-" + locale);
        }
    }
}
