package be.leerid.benchmarks.schools;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Keycloak's admin REST API as the bootstrap admin of a development server (token renewed when it expires). */
final class AdminApi {

    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String server;
    private volatile String token;
    /** Whether an expired token is replaced by the bootstrap admin's (never for someone else's token). */
    private final boolean renews;

    AdminApi(String server) throws Exception {
        this.server = server;
        this.token = newToken();
        this.renews = true;
    }

    private AdminApi(String server, String token) {
        this.server = server;
        this.token = token;
        this.renews = false;
    }

    /** Someone else's admin token (not renewed): for a delegated admin's view of the API. */
    static AdminApi withToken(String server, String token) {
        return new AdminApi(server, token);
    }

    JsonNode get(String path) throws Exception {
        return JSON.readTree(send("GET", path, null));
    }

    String send(String method, String path, String json) throws Exception {
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server + path)).header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofMinutes(10));
            if (json != null) {
                request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401 && attempt == 0 && renews) {
                token = newToken();
                continue;
            }
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private String newToken() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin&password=admin")).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).path("access_token").asText();
    }
}
