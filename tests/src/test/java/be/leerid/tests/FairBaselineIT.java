package be.leerid.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import be.leerid.tools.bench.BenchRealm;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * The load benchmark's fair baseline (Keycloak's own mappers, {@code FairBaseline}) gives the services the same claims
 * as LeerID: both benchmark realms, imported side by side, log the same teacher in at Smartschool (demo) and the
 * archive; the ID token, the access token, userinfo and the SAML assertion carry the same claim and attribute names
 * and the same kind of NameID. Each is decoded by Nimbus or OpenSAML.
 */
@KeycloakIntegrationTest(config = LeerIdServerConfig.class)
class FairBaselineIT extends LeerIdTestBase {

    static final String LEERID_REALM = "bench-leerid";
    private static final String FAIR_REALM = "bench-fair";
    private static final URI SMARTSCHOOL_DEMO = URI.create("http://localhost:8181/callback");
    private static final Pattern SAML_RESPONSE = Pattern.compile("name=\"SAMLResponse\" value=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectAdminClient
    Keycloak admin;

    @Test
    void keycloaksOwnMappersReleaseTheSameClaimNamesAsLeerId() throws Exception {
        importBenchRealm("leerid", LEERID_REALM);
        importBenchRealm("fair", FAIR_REALM);
        try {
            Released leerid = released(LEERID_REALM);
            Released fair = released(FAIR_REALM);
            assertTrue(leerid.idToken().containsAll(Set.of("sub", "eduperson_affiliation", "ov_orgcode", "given_name")), leerid.idToken().toString());
            assertEquals(leerid.idToken(), fair.idToken(), "ID token claims");
            assertEquals(leerid.accessToken(), fair.accessToken(), "access token claims");
            assertEquals(leerid.userInfo(), fair.userInfo(), "userinfo claims");
            assertTrue(leerid.samlAttributes().contains("urn:oasis:names:tc:SAML:attribute:pairwise-id"), leerid.samlAttributes().toString());
            assertEquals(leerid.samlAttributes(), fair.samlAttributes(), "SAML attributes");
            assertEquals(leerid.nameIdFormat(), fair.nameIdFormat(), "SAML NameID format");
        } finally {
            admin.realm(LEERID_REALM).remove();
            admin.realm(FAIR_REALM).remove();
        }
    }

    /** The names (not the values) of what the realm released to the same bench teacher. */
    private record Released(Set<String> idToken, Set<String> accessToken, Set<String> userInfo, Set<String> samlAttributes,
                            String nameIdFormat) {
    }

    private Released released(String realmName) throws Exception {
        String realmUrl = realm.getBaseUrl().replaceAll("/realms/[^/]+$", "/realms/" + realmName);
        OidcService smartschool = OidcService.publicClient(OidcService.discover(realmUrl), "smartschool-demo");
        OidcService.Login login = smartschool.login(SMARTSCHOOL_DEMO, "openid");
        FormLogin.Outcome outcome = FormLogin.attempt(login.requestUri, BenchRealm.username(0), BenchRealm.password(0));
        assertTrue(outcome.issuedCode(), realmName + ": " + outcome.status() + " " + outcome.location() + " " + outcome.text());
        OidcService.Tokens tokens = login.redeem(URI.create(outcome.location()));

        SamlService archief = new SamlService(realmUrl, ARCHIEF, ARCHIEF_ACS);
        SamlService.Request request = archief.authnRequest();
        FormLogin.Outcome samlLogin = FormLogin.attempt(request.browserUri(), BenchRealm.username(0), BenchRealm.password(0));
        Matcher response = SAML_RESPONSE.matcher(samlLogin.page() == null ? "" : samlLogin.page());
        assertTrue(response.find(), realmName + ": no SAML response: " + samlLogin.status() + " " + samlLogin.text());
        SamlService.Verified assertion = archief.verify(response.group(1), request.id());

        return new Released(new TreeSet<>(tokens.idToken().toJSONObject().keySet()),
                new TreeSet<>(smartschool.accessTokenClaims(tokens.accessToken()).getClaims().keySet()),
                new TreeSet<>(smartschool.userInfo(tokens.accessToken()).toJSONObject().keySet()),
                new TreeSet<>(assertion.attributes().keySet()), assertion.nameIdFormat());
    }

    /** The benchmark's realm of that variant, as bench-load imports it, under another name beside the test realm. */
    private void importBenchRealm(String variant, String name) throws Exception {
        Path dir = Files.createDirectories(RepositoryFiles.root().resolve("tests/target/bench-realms/" + variant));
        BenchRealm.write(RepositoryFiles.root(), variant, 1, dir);
        ObjectNode realmJson = (ObjectNode) JSON.readTree(dir.resolve("leerid-realm.json").toFile());
        realmJson.put("realm", name);
        realmJson.put("id", name);
        realmJson.set("users", JSON.readTree(dir.resolve("leerid-users-0.json").toFile()).get("users"));
        admin.realms().create(JSON.treeToValue(realmJson, RealmRepresentation.class));
    }
}
