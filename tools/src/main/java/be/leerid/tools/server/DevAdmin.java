package be.leerid.tools.server;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A development server's admin API, as the dev and cluster commands use it (the dev administrator). */
final class DevAdmin {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String base;
    private final String bearer;

    private DevAdmin(String base, String bearer) {
        this.base = base;
        this.bearer = bearer;
    }

    static DevAdmin login(String base, String username, String password) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=admin-cli&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the dev administrator cannot log in at " + base + " (" + response.statusCode() + ")");
        }
        return new DevAdmin(base, "Bearer " + JSON.readTree(response.body()).path("access_token").asText());
    }

    /** Adds the clients of a realm file to realm leerid; existing ones are kept. */
    void importClients(Path realmFile) throws IOException, InterruptedException {
        JsonNode realm = JSON.readTree(Files.readString(realmFile));
        ObjectNode partial = JSON.createObjectNode().put("ifResourceExists", "SKIP");
        partial.set("clients", realm.path("clients"));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/admin/realms/leerid/partialImport"))
                .header("Authorization", bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(partial))).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("adding the clients of " + realmFile.getFileName() + " failed (" + response.statusCode() + ")");
        }
    }
}
