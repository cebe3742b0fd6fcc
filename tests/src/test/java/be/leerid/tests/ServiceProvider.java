package be.leerid.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * A service provider that registers itself at LeerID: its own key pair, a software statement from the
 * onboarding authority (signed with the dev key of realm-config/onboarding), and raw HTTP for the
 * requests a well-behaved client library would never send.
 */
final class ServiceProvider {

    static final String AUTHORITY = "urn:be:vlaanderen:onderwijs:leerid:onboarding";
    static final String SECTOR = "bingel.be";
    static final String HOST = "app.bingel.be";
    static final URI CALLBACK = URI.create("https://app.bingel.be/leerid/callback");

    final RSAKey key;
    private final String registrationEndpoint;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    ServiceProvider(String realmUrl) {
        this.registrationEndpoint = realmUrl + "/clients-registrations/leerid";
        try {
            this.key = new RSAKeyGenerator(2048).keyID("bingel-1").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static RSAKey authorityKey() {
        try {
            return JWK.parse(Files.readString(RepositoryFiles.root().resolve("realm-config/onboarding/dev-authority-key.jwk"))).toRSAKey();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the ministry approves for the test provider: affiliation and school, code flow, sector bingel.be. */
    static JWTClaimsSet.Builder approval() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(AUTHORITY)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600)))
                .claim("software_id", "bingel")
                .claim("client_name", "Bingel")
                .claim("org_kbo", "0403.199.702")
                .claim("leerid_sector", SECTOR)
                .claim("redirect_hosts", List.of(HOST))
                .claim("scope", "leerid-affiliation leerid-school")
                // The operator decides who may use the service; without the claim, schools would activate it one by one.
                .claim("leerid_access", "open")
                .claim("contacts", List.of("dpo@bingel.be"));
    }

    static String sign(RSAKey signer, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(signer));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String statement() {
        return sign(authorityKey(), approval().build());
    }

    /** Well-formed metadata for the approved service: the starting point every bad-input case bends. */
    Map<String, Object> metadata(String statement) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("redirect_uris", List.of(CALLBACK.toString()));
        metadata.put("grant_types", List.of("authorization_code", "refresh_token"));
        metadata.put("response_types", List.of("code"));
        metadata.put("token_endpoint_auth_method", "private_key_jwt");
        metadata.put("jwks", Map.of("keys", List.of(key.toPublicJWK().toJSONObject())));
        metadata.put("scope", "openid leerid-affiliation leerid-school");
        if (statement != null) {
            metadata.put("software_statement", statement);
        }
        return metadata;
    }

    record Answer(int status, Map<String, Object> json, String body) {
        String error() {
            return json == null ? null : (String) json.get("error");
        }

        String string(String name) {
            return (String) json.get(name);
        }
    }

    Answer register(Map<String, Object> metadata) {
        return send("POST", URI.create(registrationEndpoint), JSONObjectUtils.toJSONString(metadata), null);
    }

    Answer send(String method, URI uri, String body, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, Object> json = null;
            if (response.body() != null && response.body().startsWith("{")) {
                json = JSONObjectUtils.parse(response.body());
            }
            return new Answer(response.statusCode(), json, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
