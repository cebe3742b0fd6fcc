package be.leerid.benchmarks.schools;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The coordinator as a Keycloak admin under fine-grained admin permissions v2: only {@code query-users}, and a
 * permission to view the members of the school's organization group. Keycloak's own user search then filters
 * by that permission; the console's search and it, alternated, on the queries both can answer.
 */
final class DelegatedAdminSearch {

    private final AdminApi admin;
    private final Connection db;
    private final String realmId;
    private final String server;

    DelegatedAdminSearch(AdminApi admin, Connection db, String realmId, String server) {
        this.admin = admin;
        this.db = db;
        this.realmId = realmId;
        this.server = server;
    }

    void measure(ConsoleSession console, List<String> consoleQueries) throws Exception {
        permitSchoolMembers();
        // LeerID keeps the password grant off and admin-cli's tokens free of admin roles (no full scope, no roles scope).
        // Keycloak checks admin-cli's scope again on every admin request, so they stay open while the coordinator
        // searches, for this benchmark only, and are closed again after.
        String adminCli = admin.get("/admin/realms/leerid/clients?clientId=admin-cli").path(0).path("id").asText();
        String roles = clientScope("roles");
        admin.send("PUT", "/admin/realms/leerid/clients/" + adminCli, "{\"clientId\": \"admin-cli\", \"directAccessGrantsEnabled\": true, \"fullScopeAllowed\": true}");
        admin.send("PUT", "/admin/realms/leerid/clients/" + adminCli + "/default-client-scopes/" + roles, null);
        try {
            search(console, consoleQueries, AdminApi.withToken(server, token()));
        } finally {
            admin.send("PUT", "/admin/realms/leerid/clients/" + adminCli, "{\"clientId\": \"admin-cli\", \"directAccessGrantsEnabled\": false, \"fullScopeAllowed\": false}");
            admin.send("DELETE", "/admin/realms/leerid/clients/" + adminCli + "/default-client-scopes/" + roles, null);
        }
    }

    /** Realm admin permissions on; the coordinator may query users and view the members of the school's organization group. */
    private void permitSchoolMembers() throws Exception {
        admin.send("PUT", "/admin/realms/leerid", "{\"realm\": \"leerid\", \"adminPermissionsEnabled\": true}");
        String permissions = admin.get("/admin/realms/leerid/clients?clientId=admin-permissions").path(0).path("id").asText();
        String coordinator = admin.get("/admin/realms/leerid/users?username=bench.coordinator&exact=true").path(0).path("id").asText();
        admin.send("PUT", "/admin/realms/leerid/users/" + coordinator + "/reset-password",
                "{\"type\": \"password\", \"value\": \"Bench-fgap-coordinator-1\", \"temporary\": false}");
        String management = admin.get("/admin/realms/leerid/clients?clientId=realm-management").path(0).path("id").asText();
        JsonNode queryUsers = admin.get("/admin/realms/leerid/clients/" + management + "/roles/query-users");
        admin.send("POST", "/admin/realms/leerid/users/" + coordinator + "/role-mappings/clients/" + management, "[" + queryUsers + "]");
        String group = SchoolsBenchmark.single(db, "SELECT group_id FROM org WHERE alias = '" + SchoolsBenchmark.BIG_SCHOOL + "' AND realm_id = '"
                + realmId + "'");
        String authz = "/admin/realms/leerid/clients/" + permissions + "/authz/resource-server";
        if (admin.get(authz + "/policy?name=bench-coordinator").isEmpty()) {
            admin.send("POST", authz + "/policy/user", "{\"name\": \"bench-coordinator\", \"users\": [\"" + coordinator + "\"], \"logic\": \"POSITIVE\"}");
            admin.send("POST", authz + "/permission/scope", "{\"name\": \"bench-school-members\", \"resourceType\": \"Groups\", \"resources\": [\""
                    + group + "\"], \"scopes\": [\"view-members\"], \"policies\": [\"bench-coordinator\"]}");
        }
    }

    private String clientScope(String name) throws Exception {
        for (JsonNode candidate : admin.get("/admin/realms/leerid/client-scopes")) {
            if (candidate.path("name").asText().equals(name)) {
                return candidate.path("id").asText();
            }
        }
        throw new IllegalStateException("no client scope " + name);
    }

    private String token() throws Exception {
        String token = AdminApi.JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server + "/realms/leerid/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=bench.coordinator"
                        + "&password=Bench-fgap-coordinator-1")).build(), HttpResponse.BodyHandlers.ofString()).body())
                .path("access_token").asText();
        if (token.isEmpty()) {
            throw new IllegalStateException("the coordinator got no admin token (admin-cli, password grant)");
        }
        // admin-cli has no client scopes in LeerID's realm, so the token may name no subject: show what it carries.
        JsonNode claims = AdminApi.JSON.readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
        System.out.printf("  (the coordinator's admin token: sub %s, roles %s)%n", claims.path("sub"), claims.path("resource_access"));
        return token;
    }

    /** The console's search and Keycloak's user search under the permission, alternated; every account seen must be the school's. */
    private void search(ConsoleSession console, List<String> consoleQueries, AdminApi asCoordinator) throws Exception {
        Set<String> school = Set.copyOf(SchoolsBenchmark.column(db, "SELECT user_id FROM user_attribute WHERE name = 'school' AND value = '"
                + SchoolsBenchmark.BIG_SCHOOL + "'"));
        int[] seen = {0};
        Latencies[] searches = OrganizationsComparison.alternated(console, consoleQueries, query -> {
            JsonNode users = asCoordinator.get("/admin/realms/leerid/users" + query + "&briefRepresentation=true");
            for (JsonNode user : users) {
                if (!school.contains(user.path("id").asText())) {
                    throw new IllegalStateException("the permission let the coordinator see someone of another school");
                }
                seen[0]++;
            }
            return users;
        });
        System.out.printf("  Fine-grained admin permissions v2 (the coordinator with query-users and view-members on the school's organization "
                + "group; Keycloak's user search), alternated with the console, second round (%d accounts seen, all of the school):%n", seen[0]);
        System.out.printf("    LeerID console (HTML page, attributes):       %s%n", searches[0].summary());
        System.out.printf("    Keycloak user search under FGAP v2 (JSON):    %s%n", searches[1].summary());
    }
}
