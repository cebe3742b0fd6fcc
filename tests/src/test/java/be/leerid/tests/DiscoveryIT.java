package be.leerid.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.SubjectType;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.representations.idm.ClientScopeRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * LeerID's discovery document says only what LeerID accepts, read with Nimbus: each thing it leaves out is tried
 * and refused, each scope it names exists, and its registration endpoint is LeerID's own.
 */
@KeycloakIntegrationTest(config = LeerIdServerConfig.class)
class DiscoveryIT extends LeerIdTestBase {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void discoveryAdvertisesOnlyWhatLeerIdAccepts() throws Exception {
        OIDCProviderMetadata metadata = provider();
        assertEquals(List.of(ResponseType.CODE), metadata.getResponseTypes());
        assertEquals(List.of(SubjectType.PAIRWISE), metadata.getSubjectTypes());
        assertEquals(List.of(CodeChallengeMethod.S256), metadata.getCodeChallengeMethods());
        assertEquals(List.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN, GrantType.CLIENT_CREDENTIALS), metadata.getGrantTypes());
        assertEquals(URI.create(realm.getBaseUrl() + "/clients-registrations/leerid"), metadata.getRegistrationEndpointURI());

        Set<String> scopes = Set.copyOf(metadata.getScopes().toStringList());
        assertTrue(scopes.containsAll(Set.of("openid", "leerid-pseudonym", "leerid-affiliation", "leerid-school", "leerid-class",
                "leerid-schools", "leerid-entitlement", "leerid-name", "leerid-id", "acr", "offline_access")), scopes.toString());
        for (String internal : List.of("profile", "basic", "email", "roles", "web-origins", "microprofile-jwt", "phone", "address",
                "organization", "service_account")) {
            assertFalse(scopes.contains(internal), internal + " is advertised");
        }
        Set<String> realmScopes = realm.admin().clientScopes().findAll().stream().map(ClientScopeRepresentation::getName)
                .collect(Collectors.toSet());
        scopes.stream().filter(scope -> !scope.equals("openid"))
                .forEach(scope -> assertTrue(realmScopes.contains(scope), "advertised scope " + scope + " does not exist"));

        List<String> claims = metadata.getClaims();
        assertTrue(claims.containsAll(List.of("sub", "auth_time", "acr", "eduperson_affiliation", "ov_orgcode", "leerid_schools",
                "leerid_previous_sub")), claims.toString());
        for (String keycloaks : List.of("name", "email", "preferred_username")) {
            assertFalse(claims.contains(keycloaks), keycloaks + " is advertised");
        }

        // The advertised registration endpoint is LeerID's: it answers with LeerID's reasons (a software statement).
        HttpResponse<String> registration = http.send(HttpRequest.newBuilder(metadata.getRegistrationEndpointURI())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, registration.statusCode(), registration.body());
        assertTrue(registration.body().contains("software_statement"), registration.body());
    }

    /** Response types discovery leaves out are refused: no code or token reaches the service. */
    @ParameterizedTest
    @ValueSource(strings = {"token", "id_token", "id_token token", "code id_token", "code token", "code id_token token"})
    void unadvertisedResponseTypesAreRefused(String responseType) throws Exception {
        String redirect = KLASCEMENT.toString();
        URI request = URI.create(provider().getAuthorizationEndpointURI() + "?response_type=" + URLEncoder.encode(responseType, StandardCharsets.UTF_8)
                + "&client_id=klascement&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8)
                + "&scope=openid&state=s&nonce=n&code_challenge_method=S256&code_challenge="
                + com.nimbusds.oauth2.sdk.pkce.CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier()).getValue());
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(request).build(), HttpResponse.BodyHandlers.ofString());
        String location = response.headers().firstValue("Location").orElse("");
        assertTrue(response.statusCode() == 302 && location.startsWith(redirect) && location.contains("error="),
                responseType + ": " + response.statusCode() + " " + location);
        assertFalse(location.contains("code=") || location.contains("access_token=") || location.contains("id_token="), location);
    }

    /** The password grant, which discovery leaves out, is refused for a service. */
    @Test
    void unadvertisedGrantsAreRefused() throws Exception {
        String secret = realm.admin().clients().get(realm.admin().clients().findByClientId("klascement").get(0).getId())
                .getSecret().getValue();
        String basic = java.util.Base64.getEncoder().encodeToString(("klascement:" + secret).getBytes(StandardCharsets.UTF_8));
        for (String grant : List.of("grant_type=password&username=" + LOTTE + "&password=" + LOTTE_PASSWORD,
                "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange&subject_token=x"
                        + "&subject_token_type=urn%3Aietf%3Aparams%3Aoauth%3Atoken-type%3Aaccess_token")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(provider().getTokenEndpointURI())
                    .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(grant)).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(response.statusCode() >= 400 && response.statusCode() < 500 && !response.body().contains("access_token"),
                    grant + ": " + response.statusCode() + " " + response.body());
        }
    }
}
