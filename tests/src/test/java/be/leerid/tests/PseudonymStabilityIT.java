package be.leerid.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/** Pseudonyms are computed, not stored: a learner deleted and created again keeps them. */
@KeycloakIntegrationTest(config = LeerIdServerConfig.class)
class PseudonymStabilityIT extends LeerIdTestBase {

    private static final String LEERID = "10000099";

    @Test
    void recreatingTheLearnerKeepsEveryPseudonym() throws Exception {
        String first = createLearner("tijdelijk.leerling", "Tijdelijk-1", LEERID);
        Subjects before = subjects("tijdelijk.leerling", "Tijdelijk-1");
        realm.admin().users().get(first).remove();

        String second = createLearner("tijdelijk.leerling", "Tijdelijk-2", LEERID);
        try {
            Subjects after = subjects("tijdelijk.leerling", "Tijdelijk-2");
            assertEquals(before, after);
            assertEquals(DEV_DERIVER.derive("smartschool.be", LEERID), after.smartschool());
            assertEquals(DEV_DERIVER.derive("www.klascement.net", LEERID), after.klascement());
        } finally {
            realm.admin().users().get(second).remove();
        }
    }

    private record Subjects(String smartschool, String klascement) {
    }

    private Subjects subjects(String username, String password) throws Exception {
        try (Browser browser = new Browser()) {
            OidcService.Login smartschool = oidc("smartschool").login(ATHENEUM, "openid");
            browser.open(smartschool.requestUri).login(username, password);
            String smartschoolSub = smartschool.redeem(browser).idToken().getSubject().getValue();

            OidcService.Login klascement = oidc("klascement").login(KLASCEMENT, "openid");
            browser.open(klascement.requestUri);
            String klascementSub = klascement.redeem(browser).idToken().getSubject().getValue();
            return new Subjects(smartschoolSub, klascementSub);
        }
    }
}
