package be.leerid.tests;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import be.leerid.tools.http.LoginCookies;
import be.leerid.tools.http.LoginForm;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;

/**
 * One learner's browser against the cluster: it keeps LeerID's cookies ({@link LoginCookies}) and can send each step
 * to a chosen node (or the edge), the way a load balancer may send a browser's requests anywhere. The
 * nodes all use the public hostname in their pages, so the login form's action is re-aimed at the
 * chosen base. Tokens are exchanged and parsed with the Nimbus OIDC SDK.
 */
final class ClusterBrowser {

    static final String CLIENT = "smartschool-demo";
    static final URI REDIRECT = URI.create("http://localhost:8181/callback");
    static final String SECOND_CLIENT = "klascement-demo";
    static final URI SECOND_REDIRECT = URI.create("http://localhost:8182/callback");
    private static final String REALM = "/realms/leerid";

    /** What a code exchange or refresh gave: the subject and the tokens, or the HTTP status of the failure. */
    record Tokens(String subject, RefreshToken refreshToken, String sessionId) {
    }

    /** An HTTP status a step ended in, when it did not end as expected. */
    static final class StepFailed extends RuntimeException {
        final int status;

        StepFailed(String step, int status) {
            super(step + " answered " + status);
            this.status = status;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final LoginCookies cookies = new LoginCookies();

    /** Logs in at base with username and password (or by SSO if this browser has a session) and redeems the code there. */
    Tokens login(URI base, String username, String password) throws Exception {
        return redeem(base, CLIENT, REDIRECT, authorize(base, CLIENT, REDIRECT, username, password));
    }

    /** Single sign-on to the second service at base: must not ask for a password. */
    Tokens singleSignOn(URI base) throws Exception {
        return redeem(base, SECOND_CLIENT, SECOND_REDIRECT, authorize(base, SECOND_CLIENT, SECOND_REDIRECT, null, null));
    }

    static Tokens refresh(URI base, Tokens tokens) throws Exception {
        TokenRequest request = new TokenRequest(base.resolve(REALM + "/protocol/openid-connect/token"), new ClientID(CLIENT),
                new RefreshTokenGrant(tokens.refreshToken()));
        return tokens(request, "refresh at " + base);
    }

    private record Authorization(AuthorizationCode code, CodeVerifier verifier) {
    }

    private Authorization authorize(URI base, String client, URI redirect, String username, String password) throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        URI request = new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE), new ClientID(client))
                .endpointURI(base.resolve(REALM + "/protocol/openid-connect/auth"))
                .redirectionURI(redirect).scope(new Scope("openid")).state(new State())
                .codeChallenge(verifier, CodeChallengeMethod.S256).build().toURI();
        HttpResponse<String> page = send(HttpRequest.newBuilder(request).GET(), "authorization request");
        if (page.statusCode() == 200) {
            if (username == null) {
                throw new StepFailed("single sign-on asked for a password at " + base, 200);
            }
            URI target = LoginForm.action(page.body()).orElseThrow(() -> new AssertionError("no login form at " + base));
            URI aimed = base.resolve(target.getRawPath() + "?" + target.getRawQuery());
            String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                    + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&credentialId=";
            page = send(HttpRequest.newBuilder(aimed).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)), "login form");
        }
        String location = page.headers().firstValue("Location").orElse("");
        if (page.statusCode() != 302 || !location.startsWith(redirect.toString()) || !location.contains("code=")) {
            throw new StepFailed("login at " + base, page.statusCode());
        }
        String code = location.replaceAll(".*[?&]code=([^&]+).*", "$1");
        return new Authorization(new AuthorizationCode(code), verifier);
    }

    private static Tokens redeem(URI base, String client, URI redirect, Authorization authorization) throws Exception {
        AuthorizationGrant grant = new AuthorizationCodeGrant(authorization.code(), redirect, authorization.verifier());
        return tokens(new TokenRequest(base.resolve(REALM + "/protocol/openid-connect/token"), new ClientID(client), grant),
                "code exchange at " + base);
    }

    private static Tokens tokens(TokenRequest request, String step) throws Exception {
        com.nimbusds.oauth2.sdk.http.HTTPRequest http = request.toHTTPRequest();
        http.setConnectTimeout(5000);
        http.setReadTimeout(30000);
        com.nimbusds.oauth2.sdk.http.HTTPResponse answer = http.send();
        TokenResponse response = OIDCTokenResponseParser.parse(answer);
        if (!response.indicatesSuccess()) {
            throw new StepFailed(step + " (" + response.toErrorResponse().getErrorObject().getCode() + ")", answer.getStatusCode());
        }
        OIDCTokenResponse success = (OIDCTokenResponse) response.toSuccessResponse();
        var idToken = success.getOIDCTokens().getIDToken().getJWTClaimsSet();
        return new Tokens(idToken.getSubject(), success.getOIDCTokens().getRefreshToken(), idToken.getStringClaim("sid"));
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String step) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(cookies.onto(request).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        cookies.keep(response);
        if (response.statusCode() >= 500) {
            throw new StepFailed(step, response.statusCode());
        }
        return response;
    }
}
