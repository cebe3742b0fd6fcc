package be.leerid.tests;

import java.net.URI;

import be.leerid.identifiers.PseudonymDeriver;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
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

    SamlService archief() throws Exception {
        return new SamlService(realm.getBaseUrl(), ARCHIEF, ARCHIEF_ACS);
    }
}
