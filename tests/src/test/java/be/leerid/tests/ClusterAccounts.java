package be.leerid.tests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The cluster's test data, added through the admin entrance as an operator would: the demo services'
 * clients (realm-config/dev) and synthetic learners with a LeerID, a school and a password.
 */
final class ClusterAccounts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final int count;

    private ClusterAccounts(int count) {
        this.count = count;
    }

    static ClusterAccounts create(URI adminEdge, int count) throws Exception {
        ClusterAccounts accounts = new ClusterAccounts(count);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String bearer = adminToken(http, adminEdge);
        partialImport(http, adminEdge, bearer, Files.readString(RepositoryFiles.root().resolve("realm-config/dev/leerid-demo-clients.json")));
        List<Map<String, Object>> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            users.add(Map.of(
                    "username", accounts.username(i),
                    "enabled", true,
                    "attributes", Map.of("leerid", List.of(accounts.leerId(i)), "affiliation", List.of("student", "member"),
                            "school", List.of("012345")),
                    "credentials", List.of(Map.of("type", "password", "value", accounts.password(i), "temporary", false)),
                    "realmRoles", List.of("default-roles-leerid")));
        }
        partialImport(http, adminEdge, bearer, JSON.writeValueAsString(Map.of("users", users)));
        return accounts;
    }

    String username(int i) {
        return "cluster.learner." + check(i);
    }

    String password(int i) {
        return "Cluster-learner-" + check(i);
    }

    String leerId(int i) {
        return String.valueOf(30_000_000 + check(i));
    }

    int count() {
        return count;
    }

    private int check(int i) {
        if (i < 0 || i >= count) {
            throw new IllegalArgumentException("account " + i + " of " + count);
        }
        return i;
    }

    /** Sets an attribute of a client through the admin entrance, as an operator would. */
    static void setClientAttribute(URI adminEdge, String clientId, String name, String value) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String bearer = adminToken(http, adminEdge);
        URI clients = adminEdge.resolve("/admin/realms/leerid/clients");
        JsonNode found = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(clients + "?clientId=" + clientId))
                .header("Authorization", "Bearer " + bearer).build(), HttpResponse.BodyHandlers.ofString()).body());
        com.fasterxml.jackson.databind.node.ObjectNode client = (com.fasterxml.jackson.databind.node.ObjectNode) found.get(0);
        ((com.fasterxml.jackson.databind.node.ObjectNode) client.with("attributes")).put(name, value);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(clients + "/" + client.path("id").asText()))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(client))).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 204) {
            throw new IllegalStateException("updating client " + clientId + " answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    /** A confidential client's secret, read through the admin entrance as an operator would. */
    static String clientSecret(URI adminEdge, String clientId) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String bearer = adminToken(http, adminEdge);
        URI clients = adminEdge.resolve("/admin/realms/leerid/clients");
        JsonNode found = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(clients + "?clientId=" + clientId))
                .header("Authorization", "Bearer " + bearer).build(), HttpResponse.BodyHandlers.ofString()).body());
        JsonNode secret = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(clients + "/" + found.get(0).path("id").asText()
                + "/client-secret")).header("Authorization", "Bearer " + bearer).build(), HttpResponse.BodyHandlers.ofString()).body());
        return secret.path("value").asText();
    }

    private static String adminToken(HttpClient http, URI adminEdge) throws Exception {
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(adminEdge.resolve("/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin&password=admin"))
                .build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(token.body()).path("access_token").asText();
    }

    private static void partialImport(HttpClient http, URI adminEdge, String bearer, String body) throws Exception {
        JsonNode representation = JSON.readTree(body);
        ((com.fasterxml.jackson.databind.node.ObjectNode) representation).put("ifResourceExists", "FAIL");
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(adminEdge.resolve("/admin/realms/leerid/partialImport"))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(representation))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("partial import answered " + answer.statusCode() + ": " + answer.body());
        }
    }
}
