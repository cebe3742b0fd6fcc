package be.leerid.tests;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import be.leerid.register.FeedHeader;
import be.leerid.tools.register.SyntheticRegister;

/**
 * Register feeds for the cluster's fault tests: synthetic learners (the benchmark's generator) sent to one node
 * without waiting, and what the database must hold afterwards, read directly (not through the relay a test cuts).
 */
final class ClusterSync {

    private static final String DATABASE = "jdbc:postgresql://127.0.0.1:5432/leerid_cluster_it";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Brussels"));

    private ClusterSync() {
    }

    /** Learners {@code from} to {@code to} (exclusive) of one synthetic register, as a delta (no absentees retired). */
    static byte[] learners(int from, int to) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SyntheticRegister(21, to, 0, TODAY).writeLearners(out, 1, FeedHeader.Kind.DELTA);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        StringBuilder feed = new StringBuilder(lines.get(0)).append('\n');
        lines.subList(1 + from, 1 + to).forEach(line -> feed.append(line).append('\n'));
        return feed.append("{\"type\":\"end\",\"rows\":").append(to - from).append("}\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A delta that makes the account with this LeerID a leaver: synthetic learner 0's row with that LeerID, its
     * enrolments ended {@code daysAgo} days ago (longer than the grace between schools).
     */
    static byte[] leaver(String leerid, int daysAgo) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SyntheticRegister(21, 1, 0, TODAY).writeLearners(out, 1, FeedHeader.Kind.DELTA);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode row = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(lines.get(1));
        row.put("leerid", leerid);
        for (com.fasterxml.jackson.databind.JsonNode enrolment : row.withArray("enrolments")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) enrolment).put("start", TODAY.minusDays(daysAgo + 365L).toString())
                    .put("end", TODAY.minusDays(daysAgo).toString());
        }
        return (lines.get(0) + "\n" + json.writeValueAsString(row) + "\n{\"type\":\"end\",\"rows\":1}\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The register-sync client's bearer token from a node. */
    static String token(URI node, String secret) throws Exception {
        return RegisterClient.clientCredentialsToken(node.resolve("/realms/leerid/protocol/openid-connect/token"), "register-sync", secret);
    }

    /** Sends a feed to one node and does not wait: the node may be killed while it answers. */
    static CompletableFuture<HttpResponse<String>> sendAsync(URI node, String token, byte[] feed) {
        return HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(node.resolve("/realms/leerid/register-sync/feed"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofByteArray(feed)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String leerid(int index) {
        return SyntheticRegister.leerid(index);
    }

    /** Accounts of synthetic learners {@code 0..to-1} (their LeerIDs have one length, so they compare as text). */
    static long accounts(int to) throws Exception {
        return count("select count(*) from user_attribute where name = 'leerid' and value >= '" + leerid(0) + "' and value <= '"
                + leerid(to - 1) + "'");
    }

    /** Waits until at least this many synthetic accounts exist (the sync is that far), or fails. */
    static void awaitAccounts(int to, long atLeast, java.time.Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (accounts(to) < atLeast) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the sync did not reach " + atLeast + " accounts: " + accounts(to));
            }
            LeerIdCluster.pause(100);
        }
    }

    /** The one running sync's id, from the jobs table every node reads. */
    static String runningJob() throws Exception {
        try (java.sql.Connection db = connect(); var rows = db.createStatement().executeQuery(
                "select id from leerid_sync_job where running_key is not null")) {
            if (!rows.next()) {
                throw new AssertionError("no sync is running");
            }
            return rows.getString(1);
        }
    }

    static long count(String sql) throws Exception {
        try (java.sql.Connection db = connect(); var rows = db.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * What an interrupted and repeated sync must leave: exactly one account per synthetic learner, each with the same
     * number of attributes and its default role, and no row of Keycloak's user tables that belongs to no account.
     */
    static List<String> problems(int learners) throws Exception {
        String synthetic = "select user_id from user_attribute where name = 'leerid' and value >= '" + leerid(0)
                + "' and value <= '" + leerid(learners - 1) + "'";
        java.util.List<String> problems = new java.util.ArrayList<>();
        check(problems, "accounts", accounts(learners), learners);
        check(problems, "LeerIDs held by more than one account",
                count("select count(*) from (select value from user_attribute where name = 'leerid' group by value having count(*) > 1) d"), 0);
        check(problems, "distinct attribute counts of the synthetic accounts",
                count("select count(distinct n) from (select count(*) n from user_attribute where user_id in (" + synthetic
                        + ") group by user_id) d"), 1);
        check(problems, "synthetic accounts without a role mapping",
                count("select count(*) from (" + synthetic + ") s where not exists (select 1 from user_role_mapping m where m.user_id = s.user_id)"), 0);
        for (String table : new String[] {"user_attribute", "user_role_mapping", "credential", "federated_identity", "user_required_action"}) {
            check(problems, "orphaned rows in " + table,
                    count("select count(*) from " + table + " t where not exists (select 1 from user_entity u where u.id = t.user_id)"), 0);
        }
        return problems;
    }

    private static void check(List<String> problems, String what, long actual, long expected) {
        if (actual != expected) {
            problems.add(what + ": " + actual + " (expected " + expected + ")");
        }
    }

    private static java.sql.Connection connect() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(DATABASE, "postgres", "postgres");
    }
}
