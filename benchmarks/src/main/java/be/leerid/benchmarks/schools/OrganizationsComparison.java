package be.leerid.benchmarks.schools;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Keycloak's Organizations as the model of schools, measured against LeerID's register attributes on the same data:
 * one organization per school, every account a member of its school's; what the sync would have to keep up, what
 * the console's search costs, and what the {@code organization} claim adds to a token.
 */
final class OrganizationsComparison {

    private static final String KLASCEMENT_REDIRECT = "https://www.klascement.net/leerid/callback";
    private final AdminApi admin;
    private final Connection db;
    private final String realmId;
    private final String server;

    OrganizationsComparison(AdminApi admin, Connection db, String realmId, String server) {
        this.admin = admin;
        this.db = db;
        this.realmId = realmId;
        this.server = server;
    }

    /**
     * Back to LeerID's own state: no organization memberships, Organizations off. With members, Keycloak asks for
     * every account it loads or changes whether an organization manages it, which would weigh on LeerID's figures.
     */
    void reset() throws Exception {
        try (Statement statement = db.createStatement()) {
            statement.executeUpdate("DELETE FROM user_group_membership WHERE group_id IN (SELECT group_id FROM org WHERE realm_id = '" + realmId + "')");
            // Without this, the next run's member additions plan against 1.4 million dead rows (minutes, not seconds).
            statement.execute("VACUUM ANALYZE user_group_membership");
        }
        admin.send("PUT", "/admin/realms/leerid", "{\"realm\": \"leerid\", \"organizationsEnabled\": false, \"adminPermissionsEnabled\": false}");
        admin.send("POST", "/admin/realms/leerid/clear-user-cache", null);
        admin.send("POST", "/admin/realms/leerid/clear-realm-cache", null);
    }

    /** @param consoleSearch the console's search as measured before, in LeerID's own state */
    void run(ConsoleSession console, List<String> consoleQueries, int memberSample, Latencies consoleSearch) throws Exception {
        admin.send("PUT", "/admin/realms/leerid", "{\"realm\": \"leerid\", \"organizationsEnabled\": true}");
        List<String> schools = column("SELECT DISTINCT a.value FROM user_attribute a JOIN user_entity u ON u.id = a.user_id "
                + "WHERE a.name = 'school' AND u.realm_id = '" + realmId + "' ORDER BY 1");

        // Organizations: one per school, through the admin API (2 clients, as the register baseline).
        Map<String, String> organizations = organizations();
        List<String> missing = schools.stream().filter(school -> !organizations.containsKey(school)).toList();
        long start = System.nanoTime();
        parallel(missing, school -> admin.send("POST", "/admin/realms/leerid/organizations",
                "{\"name\": \"School " + school + "\", \"alias\": \"" + school + "\", \"enabled\": true, \"domains\": [{\"name\": \"s" + school
                        + ".school.leerid.test\"}]}"));
        double createSeconds = (System.nanoTime() - start) / 1e9;
        organizations.putAll(organizations());
        if (missing.isEmpty()) {
            System.out.printf("  Organizations: %,d, created by an earlier run%n", organizations.size());
        } else {
            System.out.printf("  Organizations: %,d created through the admin API in %.1f s (%.1f ms each)%n", missing.size(), createSeconds,
                    createSeconds * 1000 / missing.size());
        }

        // Membership upkeep: the admin API on a sample, then every other account in one INSERT ... SELECT (a sync's bulk path).
        List<String[]> sample = rows("SELECT a.user_id, a.value FROM user_attribute a JOIN user_entity u ON u.id = a.user_id "
                + "WHERE a.name = 'school' AND u.realm_id = '" + realmId + "' AND a.value <> '" + SchoolsBenchmark.BIG_SCHOOL + "' "
                + "AND NOT EXISTS (SELECT 1 FROM user_group_membership m WHERE m.user_id = a.user_id) LIMIT " + memberSample);
        start = System.nanoTime();
        parallel(sample, row -> admin.send("POST", "/admin/realms/leerid/organizations/" + organizations.get(row[1]) + "/members",
                "\"" + row[0] + "\""));
        double apiSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        int inserted;
        try (Statement statement = db.createStatement()) {
            inserted = statement.executeUpdate("INSERT INTO user_group_membership (group_id, user_id, membership_type) "
                    + "SELECT o.group_id, a.user_id, 'UNMANAGED' FROM user_attribute a JOIN org o ON o.alias = a.value AND o.realm_id = '"
                    + realmId + "' WHERE a.name = 'school' ON CONFLICT DO NOTHING");
            // As LeerID's sync does after its inserts: planner statistics from an empty table would misplan every user load.
            statement.execute("ANALYZE user_group_membership");
        }
        double bulkSeconds = (System.nanoTime() - start) / 1e9;
        admin.send("POST", "/admin/realms/leerid/clear-user-cache", null);
        admin.send("POST", "/admin/realms/leerid/clear-realm-cache", null);
        long members = Long.parseLong(SchoolsBenchmark.single(db, "SELECT count(*) FROM user_group_membership m JOIN org o ON o.group_id = m.group_id"));
        if (!sample.isEmpty()) {
            System.out.printf("  Membership through the admin API: %,d in %.1f s, %.2f ms each -> %.0f s for all %,d memberships%n", sample.size(),
                    apiSeconds, apiSeconds * 1000 / sample.size(), apiSeconds / sample.size() * members, members);
        }
        System.out.printf("  Membership in bulk (one INSERT ... SELECT from the school attribute): %,d rows in %.1f s (%,.0f rows/s); "
                + "LeerID's attributes need none of it (the sync writes the school once)%n", inserted, bulkSeconds, inserted / Math.max(bulkSeconds, 1e-9));

        // The console's search against the organization's member search, alternated, on the queries both can answer.
        String big = organizations.get(SchoolsBenchmark.BIG_SCHOOL);
        Latencies attributes = new Latencies();
        Latencies organization = new Latencies();
        int answerable = 0;
        for (int round = 0; round < 2; round++) {
            for (String query : consoleQueries) {
                String memberQuery = memberQuery(query);
                if (memberQuery == null) {
                    continue;
                }
                answerable += round == 1 ? 1 : 0;
                long t = System.nanoTime();
                console.get(SchoolsBenchmark.BIG_SCHOOL + "/" + query);
                if (round == 1) {
                    attributes.add(t);
                }
                t = System.nanoTime();
                admin.get("/admin/realms/leerid/organizations/" + big + "/members" + memberQuery);
                if (round == 1) {
                    organization.add(t);
                }
            }
        }
        System.out.printf("  Search, %d queries both can answer (pages and names; classes and grades are not in an organization), second round:%n",
                answerable);
        System.out.printf("    LeerID console (HTML page, attributes):       %s%n", attributes.summary());
        System.out.printf("    Organization members (admin API, JSON):       %s%n", organization.summary());

        // What Organizations cost everything else: the console's own search again, now that every account is a member.
        Latencies withMembers = new Latencies();
        for (int i = 0; i < consoleQueries.size(); i++) {
            long t = System.nanoTime();
            console.get(SchoolsBenchmark.BIG_SCHOOL + "/" + consoleQueries.get(i));
            withMembers.add(t);
        }
        System.out.printf("  Console search again, every account an organization member: %s (before: p95 %.1f ms)%n", withMembers.summary(),
                consoleSearch.percentile(95));

        tokens();
        try {
            fineGrainedPermissions(console, consoleQueries);
        } catch (Exception e) {
            System.out.printf("  Fine-grained admin permissions v2: not measured, %s%n", e.getMessage());
        }
    }

    /**
     * The coordinator as a Keycloak admin under fine-grained admin permissions v2: only {@code query-users}, and a
     * permission to view the members of the school's organization group. Keycloak's own user search then filters
     * by that permission; the console's search and it, alternated, on the queries both can answer.
     */
    private void fineGrainedPermissions(ConsoleSession console, List<String> consoleQueries) throws Exception {
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
        // LeerID turns the password grant off everywhere and keeps admin-cli's tokens free of admin roles (no full scope);
        // the delegated admin's token is this benchmark's only use of both, undone right after.
        String adminCli = admin.get("/admin/realms/leerid/clients?clientId=admin-cli").path(0).path("id").asText();
        admin.send("PUT", "/admin/realms/leerid/clients/" + adminCli, "{\"clientId\": \"admin-cli\", \"directAccessGrantsEnabled\": true, \"fullScopeAllowed\": true}");
        String roles = null;
        for (JsonNode candidate : admin.get("/admin/realms/leerid/client-scopes")) {
            if (candidate.path("name").asText().equals("roles")) {
                roles = candidate.path("id").asText();
            }
        }
        if (roles != null) {
            admin.send("PUT", "/admin/realms/leerid/clients/" + adminCli + "/default-client-scopes/" + roles, null);
        }
        String token;
        try {
            token = AdminApi.JSON.readTree(java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(server + "/realms/leerid/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=bench.coordinator"
                            + "&password=Bench-fgap-coordinator-1")).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body())
                    .path("access_token").asText();
        } finally {
            admin.send("PUT", "/admin/realms/leerid/clients/" + adminCli, "{\"clientId\": \"admin-cli\", \"directAccessGrantsEnabled\": false, \"fullScopeAllowed\": false}");
            if (roles != null) {
                admin.send("DELETE", "/admin/realms/leerid/clients/" + adminCli + "/default-client-scopes/" + roles, null);
            }
        }
        if (token.isEmpty()) {
            throw new IllegalStateException("the coordinator got no admin token (admin-cli, password grant)");
        }
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        System.out.printf("  (the coordinator's admin token: audience %s, roles %s)%n", AdminApi.JSON.readTree(claims).path("aud"),
                AdminApi.JSON.readTree(claims).path("resource_access"));
        AdminApi asCoordinator = AdminApi.withToken(server, token);
        Set<String> school = Set.copyOf(column("SELECT user_id FROM user_attribute WHERE name = 'school' AND value = '"
                + SchoolsBenchmark.BIG_SCHOOL + "'"));
        Latencies attributes = new Latencies();
        Latencies permitted = new Latencies();
        int seen = 0;
        for (int round = 0; round < 2; round++) {
            for (String query : consoleQueries) {
                String userQuery = memberQuery(query);
                if (userQuery == null) {
                    continue;
                }
                long t = System.nanoTime();
                console.get(SchoolsBenchmark.BIG_SCHOOL + "/" + query);
                if (round == 1) {
                    attributes.add(t);
                }
                t = System.nanoTime();
                JsonNode users = asCoordinator.get("/admin/realms/leerid/users" + userQuery + "&briefRepresentation=true");
                if (round == 1) {
                    permitted.add(t);
                }
                for (JsonNode user : users) {
                    if (!school.contains(user.path("id").asText())) {
                        throw new IllegalStateException("the permission let the coordinator see someone of another school");
                    }
                    seen++;
                }
            }
        }
        System.out.printf("  Fine-grained admin permissions v2 (the coordinator with query-users and view-members on the school's organization "
                + "group; Keycloak's user search), alternated with the console, second round (%d accounts seen, all of the school):%n", seen);
        System.out.printf("    LeerID console (HTML page, attributes):       %s%n", attributes.summary());
        System.out.printf("    Keycloak user search under FGAP v2 (JSON):    %s%n", permitted.summary());
    }

    /** Refreshes with and without the organization claim, alternated, for a learner of the big school. */
    private void tokens() throws Exception {
        JsonNode scope = null;
        for (JsonNode candidate : admin.get("/admin/realms/leerid/client-scopes")) {
            if (candidate.path("name").asText().equals("organization")) {
                scope = candidate;
            }
        }
        if (scope == null) {
            admin.send("POST", "/admin/realms/leerid/client-scopes", """
                    {"name": "organization", "protocol": "openid-connect", "attributes": {"include.in.token.scope": "true"},
                     "protocolMappers": [{"name": "organization", "protocol": "openid-connect", "protocolMapper": "oidc-organization-membership-mapper",
                       "config": {"claim.name": "organization", "id.token.claim": "true", "access.token.claim": "true", "introspection.token.claim": "true"}}]}
                    """);
            for (JsonNode candidate : admin.get("/admin/realms/leerid/client-scopes")) {
                if (candidate.path("name").asText().equals("organization")) {
                    scope = candidate;
                }
            }
        }
        String client = admin.get("/admin/realms/leerid/clients?clientId=klascement").path(0).path("id").asText();
        admin.send("PUT", "/admin/realms/leerid/clients/" + client + "/optional-client-scopes/" + scope.path("id").asText(), null);
        String learnerId = SchoolsBenchmark.single(db, "SELECT a.user_id FROM user_attribute a WHERE a.name = 'school' AND a.value = '"
                + SchoolsBenchmark.BIG_SCHOOL + "' ORDER BY a.user_id LIMIT 1");
        String username = admin.get("/admin/realms/leerid/users/" + learnerId).path("username").asText();
        admin.send("PUT", "/admin/realms/leerid/users/" + learnerId + "/reset-password",
                "{\"type\": \"password\", \"value\": \"Bench-organisatie-1\", \"temporary\": false}");
        String secret = admin.get("/admin/realms/leerid/clients/" + client + "/client-secret").path("value").asText();
        CodeFlow klascement = new CodeFlow(server, "klascement", secret, KLASCEMENT_REDIRECT);
        String plain = klascement.login("openid", username, "Bench-organisatie-1").path("refresh_token").asText();
        JsonNode first = klascement.login("openid organization", username, "Bench-organisatie-1");
        String payload = new String(Base64.getUrlDecoder().decode(first.path("access_token").asText().split("\\.")[1]), StandardCharsets.UTF_8);
        if (!payload.contains("\"organization\"")) {
            throw new IllegalStateException("the organization scope put no organization claim in the token: " + payload);
        }
        String withOrganization = first.path("refresh_token").asText();
        Latencies without = new Latencies();
        Latencies with = new Latencies();
        for (int i = 0; i < 330; i++) {
            long t = System.nanoTime();
            plain = klascement.refresh(plain).path("refresh_token").asText();
            if (i >= 30) {
                without.add(t);
            }
            t = System.nanoTime();
            withOrganization = klascement.refresh(withOrganization).path("refresh_token").asText();
            if (i >= 30) {
                with.add(t);
            }
        }
        System.out.printf("  Token refresh (KlasCement, LeerID's claims from attributes):        %s%n", without.summary());
        System.out.printf("  Token refresh, plus Keycloak's organization claim (membership read): %s; ratio of means %.3f%n",
                with.summary(), with.mean() / without.mean());
    }

    /** The organization member search for a console query, or null if an organization cannot answer it (class, grade). */
    private static String memberQuery(String query) {
        if (query.startsWith("?first=")) {
            return query + "&max=51";
        }
        if (query.startsWith("?q=") && !query.contains("&")) {
            return "?search=" + query.substring(3) + "&first=0&max=51";
        }
        return null;
    }

    private Map<String, String> organizations() throws Exception {
        Map<String, String> byAlias = new HashMap<>();
        for (JsonNode organization : admin.get("/admin/realms/leerid/organizations?briefRepresentation=true&first=0&max=100000")) {
            byAlias.put(organization.path("alias").asText(), organization.path("id").asText());
        }
        return byAlias;
    }

    private interface Call<T> {
        void run(T item) throws Exception;
    }

    private static <T> void parallel(List<T> items, Call<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int first = t;
                done.add(pool.submit(() -> {
                    for (int i = first; i < items.size(); i += 2) {
                        call.run(items.get(i));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private List<String> column(String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Statement statement = db.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }

    private List<String[]> rows(String sql) throws Exception {
        List<String[]> values = new ArrayList<>();
        try (Statement statement = db.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                values.add(new String[] {result.getString(1), result.getString(2)});
            }
        }
        return values;
    }
}
