package be.leerid.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * The newcomer's walk through the three demo services (testbed/demo-services): one login opens three
 * services that each know the person under a different name, the archive only for staff, and logging
 * out in one service logs out of all three (OIDC back-channel logout, SAML single logout).
 */
@KeycloakIntegrationTest(config = LeerIdServerConfig.class)
class DemoWalkIT extends LeerIdTestBase {

    private static final String AN_LEERID = "20000001";

    @BeforeEach
    void demoServices() throws Exception {
        DemoServicesProcess.startOncePerRun(realm.getBaseUrl());
    }

    private static void signIn(Browser browser, URI service) {
        browser.open(service).click("login");
    }

    @Test
    void learnerWalksThroughTheThreeServicesAndOneLogoutEndsThemAll() throws Exception {
        try (Browser browser = new Browser()) {
            signIn(browser, DemoServicesProcess.SMARTSCHOOL);
            browser.login(LOTTE, LOTTE_PASSWORD);
            awaitSignedIn(browser);
            String atSmartschool = browser.textOf("subject");
            browser.screenshot("demo-1-smartschool");
            assertEquals(DEV_DERIVER.derive("demo.smartschool.be", LOTTE_LEERID), atSmartschool);
            assertTrue(browser.pageText().contains("012345"), "Smartschool (demo) shows the school it received");

            signIn(browser, DemoServicesProcess.KLASCEMENT);
            assertFalse(browser.showsLoginForm(), "single sign-on must not ask again");
            awaitSignedIn(browser);
            assertEquals(DEV_DERIVER.derive("demo.klascement.net", LOTTE_LEERID), browser.textOf("subject"));
            browser.screenshot("demo-2-klascement");

            signIn(browser, DemoServicesProcess.ARCHIEF);
            browser.await("kc-page-title");
            assertTrue(browser.pageText().contains("Deze dienst is alleen voor personeelsleden van een school"), browser.pageText());
            browser.screenshot("demo-3-archief-learner-refused");

            browser.open(DemoServicesProcess.SMARTSCHOOL).click("logout").await("login");
            browser.screenshot("demo-4-logged-out");
            assertFalse(browser.pageText().contains(atSmartschool), "the learner's name is left on screen");

            // KlasCement (demo) heard of the logout over the back channel, and LeerID asks for the password again.
            browser.open(DemoServicesProcess.KLASCEMENT);
            assertTrue(browser.has("login"), "KlasCement (demo) is still signed in: " + browser.pageText());
            // LeerID asks for credentials again: its session ended too.
            browser.click("login").await("password");
        }
    }

    @Test
    void teacherSignsInWithEidReachesTheArchiveAndLogsOutEverywhereFromIt() throws Exception {
        // JavaScript on: LeerID's SAML POST form submits itself, under LeerID's Content-Security-Policy.
        try (Browser browser = Browser.withJavaScript(1280)) {
            signIn(browser, DemoServicesProcess.ARCHIEF);
            browser.signInWithEid().pickCard(EidSimulator.AN_WOUTERS);
            awaitSignedIn(browser);
            assertEquals(DEV_DERIVER.derive("demo.hetarchief.be", AN_LEERID), browser.textOf("subject"));
            assertTrue(browser.pageText().contains("urn:mace:leerid.be:entitlement:archief"), browser.pageText());
            browser.screenshot("demo-5-archief-teacher");

            signIn(browser, DemoServicesProcess.SMARTSCHOOL);
            awaitSignedIn(browser);
            assertEquals(DEV_DERIVER.derive("demo.smartschool.be", AN_LEERID), browser.textOf("subject"));

            // Logging out at the archive (SAML single logout) ends LeerID's session and Smartschool's.
            browser.open(DemoServicesProcess.ARCHIEF).click("logout").await("login");
            browser.open(DemoServicesProcess.ARCHIEF);
            assertTrue(browser.has("login"), "Archief (demo) is still signed in");
            browser.open(DemoServicesProcess.SMARTSCHOOL);
            assertTrue(browser.has("login"), "Smartschool (demo) is still signed in: " + browser.pageText());
            // LeerID asks for credentials again: its session ended too.
            browser.click("login").await("password");
            assertEquals(java.util.List.of(), browser.policyViolations(), "LeerID's Content-Security-Policy blocked something");
        }
    }

    private static void awaitSignedIn(Browser browser) throws InterruptedException {
        for (int i = 0; i < 100 && !browser.has("signed-in"); i++) {
            Thread.sleep(100);
        }
        assertTrue(browser.has("signed-in"), "not signed in at " + browser.currentUri() + ":\n" + browser.pageText());
    }
}
