package be.leerid.benchmarks.schools;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import be.leerid.tools.http.LoginCookies;
import be.leerid.tools.http.LoginForm;
import com.fasterxml.jackson.databind.JsonNode;

/** A client's code flow with PKCE and its refreshes, over plain HTTP (the password form as a browser posts it). */
final class CodeFlow {

    private final String server;
    private final String client;
    private final String secret;
    private final String redirect;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** @param secret the client's secret (client_secret_post); null for a public client */
    CodeFlow(String server, String client, String secret, String redirect) {
        this.server = server;
        this.client = client;
        this.secret = secret;
        this.redirect = redirect;
    }

    /** @return the token response of a fresh login with this scope */
    JsonNode login(String scope, String username, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new LoginCookies())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(new SecureRandom().generateSeed(32));
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String authorize = server + "/realms/leerid/protocol/openid-connect/auth?response_type=code&client_id=" + client
                + "&scope=" + AdminApi.enc(scope) + "&state=s&redirect_uri=" + AdminApi.enc(redirect)
                + "&code_challenge_method=S256&code_challenge=" + challenge;
        String page = browser.send(HttpRequest.newBuilder(URI.create(authorize)).build(), HttpResponse.BodyHandlers.ofString()).body();
        URI action = LoginForm.action(page).orElseThrow(() -> new IllegalStateException("no login form: " + page));
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(action).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + AdminApi.enc(username) + "&password=" + AdminApi.enc(password))).build(),
                HttpResponse.BodyHandlers.ofString());
        String location = response.headers().firstValue("Location").orElse("");
        if (!location.startsWith(redirect) || !location.contains("code=")) {
            throw new IllegalStateException("login failed: " + response.statusCode() + " " + location);
        }
        String code = location.replaceAll(".*[?&]code=([^&]+).*", "$1");
        return token("grant_type=authorization_code&client_id=" + client + "&code=" + code + "&redirect_uri=" + AdminApi.enc(redirect)
                + "&code_verifier=" + verifier);
    }

    JsonNode refresh(String refreshToken) throws Exception {
        return token("grant_type=refresh_token&client_id=" + client + "&refresh_token=" + refreshToken);
    }

    private JsonNode token(String form) throws Exception {
        String body = secret == null ? form : form + "&client_secret=" + AdminApi.enc(secret);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server + "/realms/leerid/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token endpoint answered " + response.statusCode() + ": " + response.body());
        }
        return AdminApi.JSON.readTree(response.body());
    }
}
