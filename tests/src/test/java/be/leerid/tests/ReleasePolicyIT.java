package be.leerid.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import be.leerid.identifiers.Claim;
import be.leerid.identifiers.ClaimScope;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Each service receives exactly the claims it was approved for (its client scopes): asking for
 * more is invalid_scope, and nothing unapproved appears in any token, userinfo or SAML response.
 */
@KeycloakIntegrationTest(config = LeerIdServerConfig.class)
class ReleasePolicyIT extends LeerIdTestBase {

    /** KlasCement's approval: its default scopes in the shipped realm. */
    private static final Set<ClaimScope> KLASCEMENT_SCOPES = Set.of(ClaimScope.PSEUDONYM, ClaimScope.AFFILIATION);
    /** Personal claims Keycloak itself could add; LeerID never releases them. */
    private static final Set<String> KEYCLOAKS_OWN = Set.of("name", "preferred_username", "email", "realm_access",
            "resource_access", "groups");
    /** Every claim of the vocabulary KlasCement is not approved for, and Keycloak's own personal claims. */
    private static final Set<String> NOT_FOR_KLASCEMENT = Stream.concat(
            Arrays.stream(Claim.values()).filter(c -> !KLASCEMENT_SCOPES.contains(c.scope())).map(Claim::oidcName),
            KEYCLOAKS_OWN.stream()).collect(Collectors.toUnmodifiableSet());

    @ParameterizedTest
    @ValueSource(strings = {"openid leerid-id", "openid leerid-name", "openid profile", "openid email"})
    void unapprovedScopeIsInvalidScope(String scope) throws Exception {
        OidcService.Login login = oidc("klascement").login(KLASCEMENT, scope);
        try (Browser browser = new Browser()) {
            browser.open(login.requestUri);
            AuthenticationErrorResponse error = assertInstanceOf(AuthenticationErrorResponse.class,
                    login.response(browser));
            assertEquals(OAuth2Error.INVALID_SCOPE.getCode(), error.getErrorObject().getCode());
        }
    }

    @Test
    void klascementsApprovalIsTheShippedOne() {
        List<String> shipped = realm.admin().clients().get(realm.admin().clients().findByClientId("klascement").get(0).getId())
                .getDefaultClientScopes().stream().map(s -> s.getName()).filter(n -> ClaimScope.byName(n).isPresent()).toList();
        assertEquals(KLASCEMENT_SCOPES, shipped.stream().map(n -> ClaimScope.byName(n).orElseThrow()).collect(Collectors.toSet()));
    }

    @Test
    void klascementGetsOnlyPseudonymAndAffiliation() throws Exception {
        OidcService klascement = oidc("klascement");
        OidcService.Login login = klascement.login(KLASCEMENT, "openid");
        try (Browser browser = new Browser()) {
            browser.open(login.requestUri).login(LOTTE, LOTTE_PASSWORD);
            OidcService.Tokens tokens = login.redeem(browser);
            List<Map<String, Object>> everything = List.of(
                    tokens.idToken().toJWTClaimsSet().getClaims(),
                    klascement.accessTokenClaims(tokens.accessToken()).getClaims(),
                    klascement.userInfo(tokens.accessToken()).toJSONObject(),
                    klascement.introspect(tokens.accessToken()).toJSONObject());
            for (Map<String, Object> claims : everything) {
                for (String forbidden : NOT_FOR_KLASCEMENT) {
                    assertFalse(claims.containsKey(forbidden), forbidden + " released to KlasCement: " + claims.keySet());
                }
                assertFalse(claims.toString().contains(LOTTE_LEERID), "raw LeerID released to KlasCement");
                assertFalse(claims.toString().contains(LOTTE), "username released to KlasCement: " + claims);
            }
            assertEquals(List.of("student", "member"), tokens.idToken().getStringListClaim("eduperson_affiliation"));
            assertEquals(List.of("student@012345.leerid.be", "member@012345.leerid.be"),
                    tokens.idToken().getStringListClaim("eduperson_scoped_affiliation"));
        }
    }

    @Test
    void smartschoolGetsItsApprovedClaimsAndOptionalScopeOnRequest() throws Exception {
        OidcService smartschool = oidc("smartschool");
        OidcService.Login login = smartschool.login(SINT_JOZEF, "openid leerid-class");
        try (Browser browser = new Browser()) {
            browser.open(login.requestUri).login(LOTTE, LOTTE_PASSWORD);
            OidcService.Tokens tokens = login.redeem(browser);
            var idToken = tokens.idToken();
            assertEquals("Lotte", idToken.getStringClaim("given_name"));
            assertEquals("Peeters", idToken.getStringClaim("family_name"));
            assertEquals(List.of("012345"), idToken.getStringListClaim("ov_orgcode"));
            assertEquals("5", idToken.getStringClaim("leerid_grade"));
            assertEquals("5B", idToken.getStringClaim("leerid_class"));
            var userInfo = smartschool.userInfo(tokens.accessToken()).toJSONObject();
            assertEquals("Lotte", userInfo.get("given_name"));
            for (Map<String, Object> claims : List.of(idToken.toJWTClaimsSet().getClaims(), userInfo)) {
                assertFalse(claims.containsKey("leerid"), "raw LeerID released to Smartschool");
                assertFalse(claims.containsKey("eduperson_entitlement"), "entitlements released to Smartschool");
                assertFalse(claims.toString().contains(LOTTE_LEERID), "raw LeerID released to Smartschool");
            }
        }
    }

    @Test
    void rawLeeridGoesOnlyToAClientApprovedForIt() throws Exception {
        String klascementId = realm.admin().clients().findByClientId("klascement").get(0).getId();
        String leeridScope = realm.admin().clientScopes().findAll().stream()
                .filter(scope -> scope.getName().equals("leerid-id")).findFirst().orElseThrow().getId();
        realm.admin().clients().get(klascementId).addOptionalClientScope(leeridScope);
        try {
            OidcService klascement = oidc("klascement");
            OidcService.Login login = klascement.login(KLASCEMENT, "openid leerid-id");
            try (Browser browser = new Browser()) {
                browser.open(login.requestUri).login(LOTTE, LOTTE_PASSWORD);
                OidcService.Tokens tokens = login.redeem(browser);
                assertEquals(LOTTE_LEERID, tokens.idToken().getStringClaim("leerid"));
                assertEquals(LOTTE_LEERID, klascement.userInfo(tokens.accessToken()).getStringClaim("leerid"));
            }
        } finally {
            realm.admin().clients().get(klascementId).removeOptionalClientScope(leeridScope);
        }
    }

    @Test
    void archiefGetsOnlyItsApprovedAttributes() throws Exception {
        // The archive is for staff: a teacher who signs in with a password.
        SamlService archief = archief();
        SamlService.Request request = archief.authnRequest();
        try (Browser browser = new Browser()) {
            browser.open(request.browserUri()).login("an.wouters", "Leraar-demo-1");
            SamlService.Verified response = archief.verify(browser.hiddenInput("SAMLResponse"), request.id());
            assertEquals(Set.of(
                    "urn:oasis:names:tc:SAML:attribute:pairwise-id",
                    "urn:oid:1.3.6.1.4.1.5923.1.1.1.1",
                    "urn:oid:1.3.6.1.4.1.5923.1.1.1.9",
                    "urn:oid:1.3.6.1.4.1.25178.1.2.9",
                    "urn:oid:1.3.6.1.4.1.5923.1.1.1.7"), response.attributes().keySet());
            assertEquals(List.of("urn:mace:leerid.be:entitlement:archief"),
                    response.attributes().get("urn:oid:1.3.6.1.4.1.5923.1.1.1.7"));
            assertEquals(List.of("faculty", "employee", "member"), response.attributes().get("urn:oid:1.3.6.1.4.1.5923.1.1.1.1"));
            assertTrue(response.attributes().values().stream().flatMap(List::stream).noneMatch(v -> v.contains("20000001")),
                    "raw LeerID released to the archive");
        }
    }
}
