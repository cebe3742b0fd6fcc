package be.leerid.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URI;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.LogoutTokenValidator;
import com.nimbusds.oauth2.sdk.id.ClientID;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * LeerID's subject reaches every token Keycloak issues, each decoded by Nimbus: ID token, access token,
 * userinfo, introspection, refresh token (Keycloak copies the access token's subject), the tokens of a
 * refresh, and the back-channel logout token a service receives when the person is logged out.
 */
@KeycloakIntegrationTest(config = LeerIdServerConfig.class)
class TokenTypesIT extends LeerIdTestBase {

    private static final String CLIENT = "token-types";
    private static final String SECTOR = "token-types.leerid.test";
    private static final URI CALLBACK = URI.create("https://app.token-types.leerid.test/cb");

    @Test
    void everyTokenTypeCarriesThePseudonym() throws Exception {
        String expected = DEV_DERIVER.derive(SECTOR, LOTTE_LEERID);
        LogoutReceiver receiver = new LogoutReceiver();
        String clientUuid = createClient(receiver.url());
        try {
            OidcService service = oidc(CLIENT);
            OidcService.Login login = service.login(CALLBACK, "openid");
            OidcService.Tokens tokens;
            try (Browser browser = new Browser()) {
                browser.open(login.requestUri).login(LOTTE, LOTTE_PASSWORD);
                tokens = login.redeem(browser);
            }
            assertEquals(expected, tokens.idToken().getSubject().getValue(), "ID token");
            assertEquals(expected, service.accessTokenClaims(tokens.accessToken()).getSubject(), "access token");
            assertEquals(expected, service.userInfo(tokens.accessToken()).getSubject().getValue(), "userinfo");
            var introspection = service.introspect(tokens.accessToken());
            assertEquals(true, introspection.isActive(), "introspection: " + introspection.toJSONObject());
            assertEquals(expected, introspection.getSubject().getValue(), "introspection");
            assertEquals(expected, introspection.getUsername(), "introspection username (RFC 7662)");
            assertEquals(expected, JWTParser.parse(tokens.refreshToken().getValue()).getJWTClaimsSet().getSubject(), "refresh token");

            OidcService.Tokens refreshed = assertInstanceOf(OidcService.Tokens.class, service.refresh(tokens));
            assertEquals(expected, refreshed.idToken().getSubject().getValue(), "ID token after refresh");
            assertEquals(expected, service.accessTokenClaims(refreshed.accessToken()).getSubject(), "access token after refresh");
            assertEquals(expected, JWTParser.parse(refreshed.refreshToken().getValue()).getJWTClaimsSet().getSubject(),
                    "refresh token after refresh");

            String lotte = realm.admin().users().search(LOTTE, true).get(0).getId();
            realm.admin().users().get(lotte).logout();
            LogoutTokenValidator validator = new LogoutTokenValidator(provider().getIssuer(), new ClientID(CLIENT),
                    JWSAlgorithm.RS256, provider().getJWKSetURI().toURL(), null);
            LogoutTokenClaimsSet logout = validator.validate(JWTParser.parse(receiver.token()));
            assertNotNull(logout.getSubject(), "logout token without sub");
            assertEquals(expected, logout.getSubject().getValue(), "back-channel logout token");
        } finally {
            realm.admin().clients().get(clientUuid).remove();
            receiver.close();
        }
    }

    private String createClient(String backchannelLogoutUrl) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(CLIENT);
        client.setProtocol("openid-connect");
        client.setPublicClient(false);
        client.setStandardFlowEnabled(true);
        client.setFullScopeAllowed(false);
        client.setRedirectUris(List.of(CALLBACK.toString()));
        client.setDefaultClientScopes(List.of("leerid-pseudonym", "acr"));
        client.setOptionalClientScopes(List.of());
        client.setAttributes(Map.of("leerid.sector", SECTOR, "leerid.access", "open", "pkce.code.challenge.method", "S256",
                "backchannel.logout.url", backchannelLogoutUrl, "backchannel.logout.session.required", "true"));
        // As the shipped services: the client is its access token's audience, so it may introspect it.
        ProtocolMapperRepresentation audience = new ProtocolMapperRepresentation();
        audience.setName("audience");
        audience.setProtocol("openid-connect");
        audience.setProtocolMapper("oidc-audience-mapper");
        audience.setConfig(Map.of("included.client.audience", CLIENT, "access.token.claim", "true",
                "introspection.token.claim", "true", "id.token.claim", "false"));
        client.setProtocolMappers(List.of(audience));
        try (Response response = realm.admin().clients().create(client)) {
            return CreatedResponseUtil.getCreatedId(response);
        }
    }
}
