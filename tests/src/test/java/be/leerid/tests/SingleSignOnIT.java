package be.leerid.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import com.nimbusds.openid.connect.sdk.SubjectType;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * One learner logs in once and Smartschool (two school instances) and KlasCement each get their own
 * stable pseudonym, checked by Nimbus; Het Archief voor Onderwijs, for staff only, refuses the learner
 * without an assertion. (Staff at the archive: EidLoginIT and ReleasePolicyIT.)
 */
@KeycloakIntegrationTest(config = LeerIdServerConfig.class)
class SingleSignOnIT extends LeerIdTestBase {

    @InjectAdminClient
    Keycloak admin;

    @Test
    void serverIsKeycloak2675() {
        assertEquals(System.getProperty("keycloak.version"), admin.serverInfo().getInfo().getSystemInfo().getVersion());
    }

    @Test
    void discoveryAdvertisesPairwiseSubjects() throws Exception {
        assertTrue(provider().getSubjectTypes().contains(SubjectType.PAIRWISE));
    }

    /** OIDC Core 3.1.2.1 and the conformance tests oidcc-max-age-1 and oidcc-max-age-10000. */
    @Test
    void idTokensSayWhenThePersonAuthenticatedAndMaxAgeAsksAgain() throws Exception {
        OidcService klascement = oidc("klascement");
        try (Browser browser = new Browser()) {
            OidcService.Login first = klascement.login(KLASCEMENT, "openid");
            long before = System.currentTimeMillis() / 1000;
            browser.open(first.requestUri).login(LOTTE, LOTTE_PASSWORD);
            java.util.Date authTime = first.redeem(browser).idToken().getAuthenticationTime();
            assertTrue(authTime != null && authTime.getTime() / 1000 >= before - 1, "auth_time: " + authTime);

            OidcService.Login generous = klascement.login(KLASCEMENT, "openid");
            browser.open(java.net.URI.create(generous.requestUri + "&max_age=10000"));
            assertFalse(browser.showsLoginForm(), "a session younger than max_age needs no new login");
            assertEquals(authTime, generous.redeem(browser).idToken().getAuthenticationTime());

            // Once the session is older than max_age=1, the person logs in again and auth_time moves.
            while (System.currentTimeMillis() < authTime.getTime() + 2_500) {
                Thread.sleep(100);
            }
            OidcService.Login strict = klascement.login(KLASCEMENT, "openid");
            browser.open(java.net.URI.create(strict.requestUri + "&max_age=1"));
            assertTrue(browser.showsLoginForm(), "max_age=1 must ask for the password again");
            browser.login(LOTTE, LOTTE_PASSWORD);
            java.util.Date again = strict.redeem(browser).idToken().getAuthenticationTime();
            assertTrue(again.after(authTime), again + " after " + authTime);
        }
    }

    @Test
    void oneLoginGivesEachServiceItsOwnStablePseudonym() throws Exception {
        String smartschoolPseudonym = DEV_DERIVER.derive("smartschool.be", LOTTE_LEERID);
        String klascementPseudonym = DEV_DERIVER.derive("www.klascement.net", LOTTE_LEERID);
        assertEquals(2, Set.of(smartschoolPseudonym, klascementPseudonym).size());

        OidcService smartschool = oidc("smartschool");
        OidcService klascement = oidc("klascement");
        SamlService archief = archief();

        try (Browser browser = new Browser()) {
            // Smartschool at Sint-Jozef: the one time the learner types a password.
            OidcService.Login sintJozef = smartschool.login(SINT_JOZEF, "openid");
            browser.open(sintJozef.requestUri).login(LOTTE, LOTTE_PASSWORD);
            OidcService.Tokens sintJozefTokens = sintJozef.redeem(browser);
            assertEquals(smartschoolPseudonym, sintJozefTokens.idToken().getSubject().getValue());
            assertEquals(smartschoolPseudonym, smartschool.accessTokenClaims(sintJozefTokens.accessToken()).getSubject());
            assertEquals(smartschoolPseudonym, smartschool.userInfo(sintJozefTokens.accessToken()).getSubject().getValue());
            assertEquals(smartschoolPseudonym, smartschool.introspect(sintJozefTokens.accessToken()).getSubject().getValue());

            // Smartschool at the Atheneum: same sector, same pseudonym, no password.
            OidcService.Login atheneum = smartschool.login(ATHENEUM, "openid");
            browser.open(atheneum.requestUri);
            assertFalse(browser.showsLoginForm(), "single sign-on must not ask for credentials again");
            assertEquals(smartschoolPseudonym, atheneum.redeem(browser).idToken().getSubject().getValue());

            // KlasCement: its own pseudonym, no password.
            OidcService.Login klas = klascement.login(KLASCEMENT, "openid");
            browser.open(klas.requestUri);
            assertFalse(browser.showsLoginForm(), "single sign-on must not ask for credentials again");
            OidcService.Tokens klasTokens = klas.redeem(browser);
            assertEquals(klascementPseudonym, klasTokens.idToken().getSubject().getValue());
            assertEquals(klascementPseudonym, klascement.userInfo(klasTokens.accessToken()).getSubject().getValue());
            assertEquals(klascementPseudonym, klascement.introspect(klasTokens.accessToken()).getSubject().getValue());

            // sid is Keycloak's session id, the same at every service: only a service that logs out gets it in its ID
            // token (Smartschool has post-logout redirect URIs); KlasCement has no logout endpoint and gets none, after a
            // refresh neither. Access tokens keep it: Keycloak's userinfo and introspection find the session by it.
            String smartschoolSid = sintJozefTokens.idToken().getStringClaim("sid");
            assertNotNull(smartschoolSid, "Smartschool logs out with id_token_hint, which needs sid");
            assertNull(klasTokens.idToken().getStringClaim("sid"), "KlasCement has no logout endpoint but got sid");
            Object refreshed = klascement.refresh(klasTokens);
            assertTrue(refreshed instanceof OidcService.Tokens, String.valueOf(refreshed));
            assertNull(((OidcService.Tokens) refreshed).idToken().getStringClaim("sid"), "sid after a refresh");
            assertEquals(smartschoolSid, klascement.accessTokenClaims(klasTokens.accessToken()).getStringClaim("sid"));

            // The archive is for staff only: a clear page, no SAML response for the archive.
            SamlService.Request request = archief.authnRequest();
            browser.open(request.browserUri());
            assertFalse(browser.showsLoginForm(), "single sign-on must not ask for credentials again");
            assertTrue(browser.pageText().contains("Deze dienst is alleen voor personeelsleden van een school"),
                    browser.pageText());
            assertFalse(browser.pageSource().contains("SAMLResponse"), "the archive got an assertion for a learner");
        }
        assertNotEquals(smartschoolPseudonym, klascementPseudonym);
    }
}
