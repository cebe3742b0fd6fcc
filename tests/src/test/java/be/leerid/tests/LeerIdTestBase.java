package be.leerid.tests;

import java.net.URI;
import java.util.List;
import java.util.Map;

import be.leerid.identifiers.PseudonymDeriver;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.realm.ManagedRealm;

/** Shared by the integration tests: the shipped realm (created once per run) and its services. */
abstract class LeerIdTestBase {

    static final URI SINT_JOZEF = URI.create("https://sint-jozef.smartschool.be/oidc/callback");
    static final URI ATHENEUM = URI.create("https://atheneum.smartschool.be/oidc/callback");
    static final URI KLASCEMENT = URI.create("https://www.klascement.net/leerid/callback");
    static final String ARCHIEF = "https://onderwijs.hetarchief.be/saml/sp";
    static final String ARCHIEF_ACS = "https://onderwijs.hetarchief.be/saml/acs";

    static final String LOTTE = "lotte.peeters";
    static final String LOTTE_PASSWORD = "Leerling-demo-1";
    static final String LOTTE_LEERID = "10000001";

    static final PseudonymDeriver DEV_DERIVER = RepositoryFiles.devDeriver();

    @InjectRealm(config = LeerIdRealm.class, lifecycle = LifeCycle.GLOBAL)
    ManagedRealm realm;

    OIDCProviderMetadata provider() throws Exception {
        return OidcService.discover(realm.getBaseUrl());
    }

    OidcService oidc(String clientId) throws Exception {
        String id = realm.admin().clients().findByClientId(clientId).get(0).getId();
        String secret = realm.admin().clients().get(id).getSecret().getValue();
        return new OidcService(provider(), clientId, secret);
    }

    /** Creates a learner through the admin API, as the register sync will; leerid may be null. */
    String createLearner(String username, String password, String leerid) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEnabled(true);
        user.setFirstName("Test");
        user.setLastName("Leerling");
        if (leerid != null) {
            user.setAttributes(Map.of("leerid", List.of(leerid), "affiliation", List.of("student"), "school", List.of("012345")));
        }
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        user.setCredentials(List.of(credential));
        try (Response response = realm.admin().users().create(user)) {
            return CreatedResponseUtil.getCreatedId(response);
        }
    }

    /** Waits for Keycloak's off-thread failure counting to lock the account. */
    boolean locksWithin(String userId) throws InterruptedException {
        for (int poll = 0; poll < 50; poll++) {
            if (Boolean.TRUE.equals(realm.admin().attackDetection().bruteForceUserStatus(userId).get("disabled"))) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    SamlService archief() throws Exception {
        return new SamlService(realm.getBaseUrl(), ARCHIEF, ARCHIEF_ACS);
    }
}
