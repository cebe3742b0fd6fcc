package be.leerid.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * The server log stays a log for operators: the everyday mistakes of services (unknown client, wrong redirect URI, no
 * PKCE, a refused response type or grant, a wrong secret, a used code, a bad token, a broken, unsigned or tampered
 * SAML request) are logged
 * at WARN or below, never ERROR; failed logins write neither what was typed as the username nor the LeerID.
 */
@KeycloakIntegrationTest(config = LeerIdServerConfig.class)
class LogHygieneIT extends LeerIdTestBase {

    private static final Pattern LEVEL_ERROR = Pattern.compile("^\\S+ \\S+ ERROR ");
    private static final Pattern LEVEL_INFO_OR_ABOVE = Pattern.compile("^\\S+ \\S+ (INFO|WARN|ERROR|FATAL) ");
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void clientMistakesAreNotErrorsAndFailedLoginsLeaveNoNames() throws Exception {
        String username = "log.proef.leerling";
        String leerid = "10009961";
        String id = createLearner(username, "Log-proef-1", leerid);
        long mark = Files.size(LeerIdServerConfig.SERVER_LOG);
        try {
            String base = realm.getBaseUrl();
            String auth = base + "/protocol/openid-connect/auth";
            String token = base + "/protocol/openid-connect/token";
            String callback = URLEncoder.encode(KLASCEMENT.toString(), StandardCharsets.UTF_8);
            get(auth + "?client_id=geen-dienst&response_type=code&scope=openid&redirect_uri=" + callback);
            get(auth + "?client_id=klascement&response_type=code&scope=openid&redirect_uri="
                    + URLEncoder.encode("https://aanvaller.example/callback", StandardCharsets.UTF_8));
            get(auth + "?client_id=klascement&response_type=code&scope=openid&state=s&redirect_uri=" + callback);
            get(auth + "?client_id=klascement&response_type=token&scope=openid&state=s&redirect_uri=" + callback);
            get(auth + "?client_id=klascement&response_type=code&scope=openid%20geen-scope&state=s&code_challenge_method=plain"
                    + "&code_challenge=abcdefghijklmnopqrstuvwxyz0123456789abcdefgh&redirect_uri=" + callback);
            post(token, "grant_type=authorization_code&code=verzonnen&client_id=klascement&client_secret=fout&redirect_uri=" + callback);
            post(token, "grant_type=authorization_code&code=verzonnen&redirect_uri=" + callback, "klascement", oidcSecret("klascement"));
            post(token, "grant_type=password&username=" + username + "&password=Log-proef-1", "klascement", oidcSecret("klascement"));
            post(token, "grant_type=refresh_token&refresh_token=eyJhbGciOiJIUzI1NiJ9.e30.x", "klascement", oidcSecret("klascement"));
            post(token, "grant_type=urn:ietf:params:oauth:grant-type:token-exchange&subject_token=x", "klascement", oidcSecret("klascement"));
            get(base + "/protocol/openid-connect/userinfo", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.x");
            post(base + "/protocol/openid-connect/token/introspect", "token=x", "klascement", "fout");
            get(base + "/protocol/saml?SAMLRequest=" + URLEncoder.encode("geen-saml", StandardCharsets.UTF_8));
            String unknownIssuer = "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_x\" Version=\"2.0\""
                    + " IssueInstant=\"2026-01-01T00:00:00Z\"><saml:Issuer xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\">"
                    + "https://onbekend.example/sp</saml:Issuer></samlp:AuthnRequest>";
            post(base + "/protocol/saml", "SAMLRequest=" + URLEncoder.encode(
                    Base64.getEncoder().encodeToString(unknownIssuer.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));

            get(archief().authnRequest(ARCHIEF, ARCHIEF_ACS, false).browserUri().toString());
            get(archief().tamperedAuthnRequest("https://aanvaller.example/acs").browserUri().toString());

            OidcService klascement = oidc("klascement");
            FormLogin.attempt(klascement.login(KLASCEMENT, "openid").requestUri, username, "fout-wachtwoord");
            FormLogin.attempt(klascement.login(KLASCEMENT, "openid").requestUri, "geheim.getypt.kind", "fout-wachtwoord");
        } finally {
            realm.admin().users().get(id).remove();
        }

        List<String> written = linesSince(mark);
        List<String> errors = written.stream().filter(line -> LEVEL_ERROR.matcher(line).find()).toList();
        assertTrue(errors.isEmpty(), "client mistakes logged at ERROR:\n" + String.join("\n", errors));
        List<String> personal = written.stream().filter(line -> LEVEL_INFO_OR_ABOVE.matcher(line).find())
                .filter(line -> line.contains(username) || line.contains("geheim.getypt.kind") || line.contains(leerid)).toList();
        assertTrue(personal.isEmpty(), "a username or LeerID at INFO or above:\n" + String.join("\n", personal));
    }

    private String oidcSecret(String clientId) {
        String uuid = realm.admin().clients().findByClientId(clientId).get(0).getId();
        return realm.admin().clients().get(uuid).getSecret().getValue();
    }

    private static List<String> linesSince(long mark) throws Exception {
        byte[] log = Files.readAllBytes(LeerIdServerConfig.SERVER_LOG);
        String text = new String(log, (int) Math.min(mark, log.length), log.length - (int) Math.min(mark, log.length), StandardCharsets.UTF_8);
        return new ArrayList<>(text.lines().toList());
    }

    private void get(String uri) throws Exception {
        get(uri, null);
    }

    private void get(String uri, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        http.send(request.build(), HttpResponse.BodyHandlers.discarding());
    }

    private void post(String uri, String form) throws Exception {
        post(uri, form, null, null);
    }

    private void post(String uri, String form, String clientId, String secret) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        if (clientId != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)));
        }
        http.send(request.build(), HttpResponse.BodyHandlers.discarding());
    }
}
