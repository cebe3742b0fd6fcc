package be.leerid.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegistrationPolicyTest {

    private static final SoftwareStatement STATEMENT = Statements.approved(Set.of("leerid-affiliation", "leerid-school"), false);
    private static RSAKey clientKey;

    @BeforeAll
    static void keys() throws Exception {
        clientKey = Statements.rsa("client-1");
    }

    private static Map<String, Object> metadata() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("redirect_uris", List.of("https://app.bingel.be/leerid/callback"));
        metadata.put("token_endpoint_auth_method", "private_key_jwt");
        metadata.put("jwks", Map.of("keys", List.of(Statements.publicJwks(clientKey))));
        metadata.put("scope", "openid leerid-affiliation");
        return metadata;
    }

    private static ClientPlan plan(Map<String, Object> metadata) throws RegistrationException {
        return RegistrationPolicy.plan(RegistrationRequest.parse(JSONObjectUtils.toJSONString(metadata).getBytes(StandardCharsets.UTF_8)),
                STATEMENT);
    }

    private static String refusal(Map<String, Object> metadata) {
        return assertThrows(RegistrationException.class, () -> plan(metadata)).error();
    }

    @Test
    void aGoodRequestGetsWhatItAskedWithinTheStatement() throws Exception {
        ClientPlan plan = plan(metadata());
        assertEquals(List.of("https://app.bingel.be/leerid/callback"), plan.redirectUris());
        assertEquals(Set.of("leerid-affiliation"), plan.scopes());
        assertEquals("RS256", plan.signingAlgorithm());
        assertFalse(plan.clientCredentials());
        assertFalse(plan.jwks().contains("\"d\""), "a private part was kept");
        Map<String, Object> everything = metadata();
        everything.remove("scope");
        assertEquals(STATEMENT.scopes(), plan(everything).scopes());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://app.bingel.be/leerid/callback",
            "https://*.bingel.be/leerid/callback",
            "https://app.bingel.be/leerid/callback#fragment",
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:text/html;base64,PHNjcmlwdD4=",
            "https://127.0.0.1/leerid/callback",
            "https://[::1]/leerid/callback",
            "https://localhost/leerid/callback",
            "https://user:password@app.bingel.be/leerid/callback",
            "https://app.bingel.be@evil.example/leerid/callback",
            "https://evil.example/leerid/callback",
            "https://app.bingel.be.evil.example/leerid/callback",
            "https://xn--pp-bingel-r7a.be/leerid/callback",
            "https://äpp.bingel.be/leerid/callback",
            "https://APP.BINGEL.BE/leerid/callback",
            "https://app.bingel.be:8443/leerid/callback",
            "https://app.bingel.be/leerid/../admin",
            "https://app.bingel.be/leerid/%2e%2e/admin",
            "https://app.bingel.be/leerid/..;/admin",
            ""})
    void badRedirectUrisAreInvalidRedirectUri(String uri) {
        Map<String, Object> metadata = metadata();
        metadata.put("redirect_uris", List.of(uri));
        assertEquals(RegistrationException.INVALID_REDIRECT_URI, refusal(metadata));
    }

    @Test
    void atMostTwentyRedirectUris() {
        List<String> uris = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            uris.add("https://app.bingel.be/cb" + i);
        }
        Map<String, Object> metadata = metadata();
        metadata.put("redirect_uris", uris);
        assertEquals(RegistrationException.INVALID_REDIRECT_URI, refusal(metadata));
    }

    @Test
    void grantsAuthenticationAndScopesCannotWidenTheStatement() throws Exception {
        for (Map.Entry<String, Object> bad : Map.<String, Object>of(
                "grant_types", List.of("authorization_code", "implicit"),
                "response_types", List.of("token"),
                "token_endpoint_auth_method", "none",
                "scope", "openid leerid-affiliation leerid-id",
                "subject_type", "public").entrySet()) {
            Map<String, Object> metadata = metadata();
            metadata.put(bad.getKey(), bad.getValue());
            assertEquals(RegistrationException.INVALID_CLIENT_METADATA, refusal(metadata), bad.getKey());
        }
        Map<String, Object> password = metadata();
        password.put("grant_types", List.of("password"));
        assertEquals(RegistrationException.INVALID_CLIENT_METADATA, refusal(password));
        Map<String, Object> credentials = metadata();
        credentials.put("grant_types", List.of("authorization_code", "client_credentials"));
        assertEquals(RegistrationException.INVALID_CLIENT_METADATA, refusal(credentials));
        assertTrue(RegistrationPolicy.plan(RegistrationRequest.parse(JSONObjectUtils.toJSONString(credentials).getBytes(StandardCharsets.UTF_8)),
                Statements.approved(STATEMENT.scopes(), true)).clientCredentials());
    }

    @Test
    void keysMustBeInlinePublicSignatureKeys() throws Exception {
        Map<String, Object> missing = metadata();
        missing.remove("jwks");
        assertEquals(RegistrationException.INVALID_CLIENT_METADATA, refusal(missing));
        Map<String, Object> secret = metadata();
        secret.put("jwks", Map.of("keys", List.of(clientKey.toJSONObject())));
        assertEquals(RegistrationException.INVALID_CLIENT_METADATA, refusal(secret));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jwks_uri", "sector_identifier_uri", "request_uris", "protocolMappers", "attributes",
            "clientAuthenticatorType", "defaultClientScopes", "publicClient"})
    void fieldsLeerIdNeverFetchesOrKeycloakInternalsAreRefused(String field) {
        Map<String, Object> metadata = metadata();
        metadata.put(field, field.equals("request_uris") ? List.of("https://127.0.0.1/x") : "https://169.254.169.254/latest");
        assertEquals(RegistrationException.INVALID_CLIENT_METADATA, refusal(metadata));
    }

    @Test
    void malformedAndOversizedMetadata() {
        assertEquals(RegistrationException.INVALID_CLIENT_METADATA, assertThrows(RegistrationException.class,
                () -> RegistrationRequest.parse("{\"redirect_uris\": [".getBytes(StandardCharsets.UTF_8))).error());
        assertEquals(RegistrationException.INVALID_CLIENT_METADATA, assertThrows(RegistrationException.class,
                () -> RegistrationRequest.parse("[]".getBytes(StandardCharsets.UTF_8))).error());
        assertEquals(RegistrationException.INVALID_CLIENT_METADATA, assertThrows(RegistrationException.class,
                () -> RegistrationRequest.parse("{\"scope\":\"a\",\"scope\":\"b\"}".getBytes(StandardCharsets.UTF_8))).error());
        byte[] big = ("{\"client_name\":\"" + "x".repeat(RegistrationRequest.MAX_BYTES) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertEquals(RegistrationException.INVALID_CLIENT_METADATA,
                assertThrows(RegistrationException.class, () -> RegistrationRequest.parse(big)).error());
    }

    @Test
    void siteAddressesStayWithinTheSector() {
        Map<String, Object> metadata = metadata();
        metadata.put("logo_uri", "https://10.0.0.1/logo.png");
        assertEquals(RegistrationException.INVALID_CLIENT_METADATA, refusal(metadata));
        metadata.put("logo_uri", "https://cdn.evil.example/logo.png");
        assertEquals(RegistrationException.INVALID_CLIENT_METADATA, refusal(metadata));
    }
}
