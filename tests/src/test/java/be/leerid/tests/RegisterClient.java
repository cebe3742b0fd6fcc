package be.leerid.tests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import org.keycloak.util.JsonSerialization;

/** Pushes feeds to a realm's register-sync endpoint, as the register's export job does. */
final class RegisterClient {

    record Result(int status, Map<String, Object> body) {

        long count(String field) {
            return ((Number) body.get(field)).longValue();
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> problems() {
            return (List<Map<String, Object>>) body.get("problems");
        }
    }

    private final URI endpoint;
    private final String token;

    RegisterClient(String realmUrl, String bearerToken) {
        this.endpoint = URI.create(realmUrl + "/register-sync/feed");
        this.token = bearerToken;
    }

    static String clientCredentialsToken(URI tokenEndpoint, String clientId, String secret) throws Exception {
        TokenResponse response = TokenResponse.parse(new TokenRequest(tokenEndpoint,
                new ClientSecretBasic(new ClientID(clientId), new Secret(secret)), new ClientCredentialsGrant())
                .toHTTPRequest().send());
        if (!response.indicatesSuccess()) {
            throw new AssertionError("client credentials failed: " + response.toErrorResponse().getErrorObject());
        }
        return response.toSuccessResponse().getTokens().getAccessToken().getValue();
    }

    Result push(byte[] feed, boolean force) throws Exception {
        return await(send(feed, force), java.time.Duration.ofMinutes(2));
    }

    /** Sends a feed and returns the first answer (202 with the job's location while the sync runs), without waiting. */
    Result send(byte[] feed, boolean force) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint + (force ? "?force=true" : "")))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofByteArray(feed));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return result(HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** Polls a running sync (any node of the realm answers at {@code base}, or the answer's own location) until it ends. */
    Result await(Result answer, java.time.Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (answer.status() == 202 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            answer = poll((String) answer.body().get("location"));
        }
        return answer;
    }

    /** One look at a sync job. */
    Result poll(String location) throws Exception {
        return result(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(location))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    private static Result result(HttpResponse<String> response) throws java.io.IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = response.body().isEmpty() ? Map.of() : JsonSerialization.readValue(response.body(), Map.class);
        return new Result(response.statusCode(), body);
    }

    /** POST to another action of the endpoint, e.g. {@code retention}. */
    Result post(String action) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.toString().replace("/feed", "/" + action)))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build();
        return result(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()));
    }

    Result push(byte[] feed) throws Exception {
        return push(feed, false);
    }
}
