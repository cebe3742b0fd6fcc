package be.leerid.benchmarks.schools;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        Latencies[] searches = alternated(console, consoleQueries,
                query -> admin.get("/admin/realms/leerid/organizations/" + big + "/members" + query));
        Latencies attributes = searches[0];
        Latencies organization = searches[1];
        int answerable = attributes.count();
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

        new OrganizationClaimCost(admin, db, server).measure();
        try {
            new DelegatedAdminSearch(admin, db, realmId, server).measure(console, consoleQueries);
        } catch (Exception e) {
            System.out.printf("  Fine-grained admin permissions v2: not measured, %s%n", e.getMessage());
        }
    }

    interface Search {
        JsonNode run(String query) throws Exception;
    }

    /**
     * The console's search and another one, alternated query by query over the queries both can answer, two rounds:
     * the second round's latencies, the console's first.
     */
    static Latencies[] alternated(ConsoleSession console, List<String> consoleQueries, Search other) throws Exception {
        Latencies attributes = new Latencies();
        Latencies second = new Latencies();
        for (int round = 0; round < 2; round++) {
            for (String query : consoleQueries) {
                String otherQuery = memberQuery(query);
                if (otherQuery == null) {
                    continue;
                }
                long t = System.nanoTime();
                console.get(SchoolsBenchmark.BIG_SCHOOL + "/" + query);
                if (round == 1) {
                    attributes.add(t);
                }
                t = System.nanoTime();
                other.run(otherQuery);
                if (round == 1) {
                    second.add(t);
                }
            }
        }
        return new Latencies[] {attributes, second};
    }

    /** The organization member search for a console query, or null if an organization cannot answer it (class, grade). */
    static String memberQuery(String query) {
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
        return SchoolsBenchmark.column(db, sql);
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
