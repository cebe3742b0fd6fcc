package be.leerid.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * LeerID as a two-node cluster on PostgreSQL (issue 8), started with `./leerid cluster`'s own pieces:
 * the cluster forms, sessions work on either node, a node killed under load costs only the requests of
 * a short failover window, sessions and pseudonyms survive a restart of both nodes, and a database
 * outage gives 503s and heals by itself.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    /** After a node is killed, the edge needs 2 failed health checks (1 s apart) and Infinispan a new view. */
    private static final Duration FAILOVER_WINDOW = Duration.ofSeconds(10);
    /** Keycloak's asynchronous database check and the edge's two failed health checks notice an outage within this. */
    private static final Duration OUTAGE_DETECTION = Duration.ofSeconds(6);
    private static LeerIdCluster cluster;
    private static ClusterAccounts accounts;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = LeerIdCluster.start();
        accounts = ClusterAccounts.create(cluster.adminEdge(), 41);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void bothNodesSeeAClusterOfTwo() {
        cluster.awaitClusterSize(1, 2, Duration.ofSeconds(30));
        cluster.awaitClusterSize(2, 2, Duration.ofSeconds(30));
    }

    @Test
    @Order(2)
    void theEdgeKeepsAdminAndHealthOffThePublicEntrance() throws Exception {
        assertEquals(404, status(cluster.edge().resolve("/admin/master/console/")));
        assertEquals(404, status(cluster.edge().resolve("/health/ready")));
        assertEquals(200, status(cluster.adminEdge().resolve("/admin/master/console/")));
        assertEquals(404, status(cluster.node(1).resolve("/health/ready")), "health answers on the management port only");
        assertEquals(200, status(cluster.management(1).resolve("/health/ready")));
    }

    @Test
    @Order(3)
    void aLoginOnNodeOneIsKnownOnNodeTwo() throws Exception {
        ClusterBrowser browser = new ClusterBrowser();
        ClusterBrowser.Tokens onNodeOne = browser.login(cluster.node(1), accounts.username(0), accounts.password(0));

        ClusterBrowser.Tokens secondService = browser.singleSignOn(cluster.node(2));
        assertEquals(onNodeOne.sessionId(), secondService.sessionId(), "one LeerID session for both services");
        assertNotEquals(onNodeOne.subject(), secondService.subject(), "each service its own pseudonym");

        ClusterBrowser.Tokens refreshed = ClusterBrowser.refresh(cluster.node(2), onNodeOne);
        assertEquals(onNodeOne.subject(), refreshed.subject());
        ClusterBrowser.Tokens back = ClusterBrowser.refresh(cluster.node(1), refreshed);
        assertEquals(onNodeOne.subject(), back.subject());
    }

    @Test
    @Order(4)
    void aNodeKilledUnderLoadCostsOnlyTheFailoverWindow() throws Exception {
        List<Session> before = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            before.add(new Session(new ClusterBrowser().login(cluster.edge(), accounts.username(i), accounts.password(i))));
        }

        LoadRun load = LoadRun.start(cluster.edge(), accounts, 16, 4);
        LeerIdCluster.pause(8_000);
        long killedAt = System.nanoTime();
        cluster.kill(1);
        assertFalse(cluster.answers(1), "node 1 is gone");
        LeerIdCluster.pause(20_000);
        List<LoadRun.Outcome> outcomes = load.stop();

        long windowEnd = killedAt + FAILOVER_WINDOW.toNanos();
        String report = LoadRun.report(outcomes, killedAt, FAILOVER_WINDOW);
        System.out.println(report);
        Files.writeString(cluster.log("cluster-failover-report"), report);
        assertEquals(0, outcomes.stream().filter(o -> !o.ok() && !o.reaches(killedAt)).count(), "no failure before the kill:\n" + report);
        assertEquals(0, outcomes.stream().filter(o -> !o.ok() && o.startsAfter(windowEnd)).count(),
                "no request may fail after the failover window:\n" + report);
        assertTrue(outcomes.stream().filter(o -> o.ok() && o.startsAfter(windowEnd)).count() > 10,
                "the load went on after the failover window:\n" + report);

        for (Session session : before) {
            ClusterBrowser.Tokens refreshed = ClusterBrowser.refresh(cluster.node(2), session.tokens);
            assertEquals(session.tokens.subject(), refreshed.subject());
            session.tokens = refreshed;
        }

        cluster.startNode(1);
        cluster.awaitClusterSize(1, 2, Duration.ofSeconds(60));
        cluster.awaitClusterSize(2, 2, Duration.ofSeconds(60));
        for (Session session : before) {
            session.tokens = ClusterBrowser.refresh(cluster.node(1), session.tokens);
        }
    }

    @Test
    @Order(5)
    void sessionsAndPseudonymsAndQueuedSignalsSurviveARestartOfBothNodes() throws Exception {
        ClusterBrowser browser = new ClusterBrowser();
        ClusterBrowser.Tokens before = browser.login(cluster.edge(), accounts.username(1), accounts.password(1));

        // A Shared Signals token queued while the service's receiver is down waits in the database: the register
        // sync makes the learner (account 40, kept for this) a leaver, both nodes restart, and the receiver still gets
        // account-disabled.
        try (SetReceiver receiver = new SetReceiver()) {
            receiver.available(false);
            ClusterAccounts.setClientAttribute(cluster.adminEdge(), ClusterBrowser.CLIENT, "leerid.ssf.receiver", receiver.url());
            ClusterBrowser.Tokens leaving = new ClusterBrowser().login(cluster.edge(), accounts.username(40), accounts.password(40));
            awaitRows("select count(*) from leerid_release r join user_entity u on u.id = r.user_id where u.username = '"
                    + accounts.username(40) + "'", 1);
            String secret = ClusterAccounts.clientSecret(cluster.adminEdge(), "register-sync");
            RegisterClient register = new RegisterClient(cluster.node(1) + "/realms/leerid", ClusterSync.token(cluster.node(1), secret));
            RegisterClient.Result sync = register.await(register.send(ClusterSync.leaver(accounts.leerId(40), 150), false),
                    Duration.ofMinutes(2));
            assertEquals(200, sync.status(), sync.body().toString());
            assertEquals(1, sync.count("disabled"), sync.body().toString());
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (receiver.refused() == 0 && System.nanoTime() < deadline) {
                LeerIdCluster.pause(200);
            }
            assertTrue(receiver.refused() > 0, "no delivery was attempted");

            cluster.stop(1);
            cluster.stop(2);
            assertFalse(cluster.isRunning(1) || cluster.isRunning(2) || cluster.answers(1) || cluster.answers(2));
            assertEquals(1, count("select count(*) from leerid_signal"), "the queued token is in the database");
            receiver.available(true);
            cluster.startNode(1);
            cluster.startNode(2);
            cluster.awaitClusterSize(2, 2, Duration.ofSeconds(60));

            com.nimbusds.jwt.SignedJWT token = com.nimbusds.jwt.SignedJWT.parse(receiver.next());
            assertEquals("secevent+jwt", token.getHeader().getType().getType());
            assertEquals(java.util.Map.of("format", "iss_sub", "iss", token.getJWTClaimsSet().getIssuer(), "sub", leaving.subject()),
                    token.getJWTClaimsSet().getJSONObjectClaim("sub_id"));
            assertTrue(token.getJWTClaimsSet().getJSONObjectClaim("events")
                    .containsKey("https://schemas.openid.net/secevent/risc/event-type/account-disabled"), token.getJWTClaimsSet().toString());
            ClusterAccounts.setClientAttribute(cluster.adminEdge(), ClusterBrowser.CLIENT, "leerid.ssf.receiver", "");
        }

        ClusterBrowser.Tokens refreshed = ClusterBrowser.refresh(cluster.node(2), before);
        assertEquals(before.subject(), refreshed.subject());
        ClusterBrowser.Tokens secondService = browser.singleSignOn(cluster.node(1));
        assertEquals(before.sessionId(), secondService.sessionId(), "the browser's LeerID session is still there");
        ClusterBrowser.Tokens fresh = new ClusterBrowser().login(cluster.node(1), accounts.username(1), accounts.password(1));
        assertEquals(before.subject(), fresh.subject(), "the same pseudonym: the key did not change");
    }

    @Test
    @Order(6)
    void aDatabaseOutageGivesServiceUnavailableAndHealsByItself() throws Exception {
        ClusterBrowser.Tokens before = new ClusterBrowser().login(cluster.edge(), accounts.username(2), accounts.password(2));
        cluster.awaitStatus(cluster.edge().resolve("/realms/leerid/.well-known/openid-configuration"), 200, Duration.ofSeconds(30));

        List<String> during = Collections.synchronizedList(new ArrayList<>());
        cluster.database().cut();
        long cutAt = System.nanoTime();
        AtomicInteger attempt = new AtomicInteger();
        while (System.nanoTime() - cutAt < Duration.ofSeconds(10).toNanos()) {
            int i = 20 + attempt.getAndIncrement() % 20;
            long at = (System.nanoTime() - cutAt) / 1_000_000;
            try {
                new ClusterBrowser().login(cluster.edge(), accounts.username(i), accounts.password(i));
                during.add(at + "ms:ok");
            } catch (ClusterBrowser.StepFailed e) {
                during.add(at + "ms:" + e.status);
            } catch (IOException e) {
                during.add(at + "ms:io");
            }
            LeerIdCluster.pause(200);
        }
        cluster.database().restore();
        System.out.println("during the database outage: " + during);

        Duration recovery = cluster.awaitStatus(cluster.management(1).resolve("/health/ready"), 200, Duration.ofSeconds(90));
        System.out.println("node 1 ready again after " + recovery.toMillis() + " ms");
        ClusterBrowser.Tokens after = loginWithin(Duration.ofSeconds(60), 3);
        ClusterBrowser.Tokens refreshed = ClusterBrowser.refresh(cluster.edge(), before);
        assertEquals(before.subject(), refreshed.subject(), "the session from before the outage is intact");
        assertTrue(after.subject() != null);
        assertTrue(during.stream().noneMatch(s -> s.endsWith(":ok")), "no login can complete without the database: " + during);
        assertTrue(during.stream().filter(s -> Long.parseLong(s.substring(0, s.indexOf("ms:"))) >= OUTAGE_DETECTION.toMillis())
                .allMatch(s -> s.endsWith(":503")), "503 once the nodes' database check has noticed: " + during);
    }

    /**
     * A node dies half-way through a 100,000-learner sync: the other node answers the poll, says the sync failed,
     * and the same feed sent again leaves exactly the expected accounts. Meanwhile no second sync of the register
     * can start on the other node.
     */
    @Test
    @Order(7)
    void aSyncWhoseNodeIsKilledFailsOnTheOtherNodeAndTheFeedSentAgainCompletesIt() throws Exception {
        int learners = 100_000;
        String secret = ClusterAccounts.clientSecret(cluster.adminEdge(), "register-sync");
        byte[] feed = ClusterSync.learners(0, learners);
        var answer = ClusterSync.sendAsync(cluster.node(1), ClusterSync.token(cluster.node(1), secret), feed);
        ClusterSync.awaitAccounts(learners, 20_000, Duration.ofMinutes(3));
        String job = ClusterSync.runningJob();

        RegisterClient onNodeTwo = new RegisterClient(cluster.node(2) + "/realms/leerid", ClusterSync.token(cluster.node(2), secret));
        RegisterClient.Result second = onNodeTwo.send(ClusterSync.learners(0, 1), false);
        assertEquals(409, second.status(), second.body().toString());
        assertEquals("sync_in_progress", second.body().get("error"));
        String poll = cluster.node(2) + "/realms/leerid/register-sync/jobs/" + job;
        assertEquals(202, onNodeTwo.poll(poll).status(), "the node that did not take the sync answers its poll");

        cluster.kill(1);
        assertTrue(answer.handle((response, error) -> error != null || response.statusCode() != 200).get());
        RegisterClient.Result failed = awaitEnd(onNodeTwo, poll);
        assertEquals(500, failed.status(), failed.body().toString());
        assertEquals("sync_failed", failed.body().get("error"));
        long createdBeforeTheKill = ClusterSync.accounts(learners);
        System.out.println("sync killed after " + createdBeforeTheKill + " of " + learners + " accounts");
        assertTrue(createdBeforeTheKill < learners, "the sync ended before the kill");

        RegisterClient.Result again = onNodeTwo.await(onNodeTwo.send(feed, false), Duration.ofMinutes(10));
        assertEquals(200, again.status(), again.body().toString());
        assertEquals(learners - createdBeforeTheKill, again.count("created"), again.body().toString());
        assertEquals(List.of(), ClusterSync.problems(learners));
        cluster.startNode(1);
        cluster.awaitClusterSize(1, 2, Duration.ofSeconds(60));
    }

    /** The database is gone for 10 s in the middle of a sync: the same outcome, polled on the node that did not take it. */
    @Test
    @Order(8)
    void aSyncThatLosesTheDatabaseFailsAndTheFeedSentAgainCompletesIt() throws Exception {
        int before = 100_000;
        int learners = 150_000;
        String secret = ClusterAccounts.clientSecret(cluster.adminEdge(), "register-sync");
        byte[] feed = ClusterSync.learners(before, learners);
        var answer = ClusterSync.sendAsync(cluster.node(2), ClusterSync.token(cluster.node(2), secret), feed);
        ClusterSync.awaitAccounts(learners, before + 15_000, Duration.ofMinutes(3));
        String job = ClusterSync.runningJob();
        cluster.database().cut();
        LeerIdCluster.pause(10_000);
        cluster.database().restore();
        assertTrue(answer.handle((response, error) -> error != null || response.statusCode() != 200).get(),
                "the sync did not notice the outage");

        cluster.awaitStatus(cluster.management(1).resolve("/health/ready"), 200, Duration.ofSeconds(90));
        RegisterClient onNodeOne = new RegisterClient(cluster.node(1) + "/realms/leerid", ClusterSync.token(cluster.node(1), secret));
        RegisterClient.Result failed = awaitEnd(onNodeOne, cluster.node(1) + "/realms/leerid/register-sync/jobs/" + job);
        assertEquals(500, failed.status(), failed.body().toString());
        assertEquals("sync_failed", failed.body().get("error"));

        RegisterClient.Result again = onNodeOne.await(onNodeOne.send(feed, false), Duration.ofMinutes(10));
        assertEquals(200, again.status(), again.body().toString());
        assertEquals(List.of(), ClusterSync.problems(learners));
    }

    /** Polls a sync until it ends (its node's heartbeat goes stale after 30 s), through any answers but 202. */
    private static RegisterClient.Result awaitEnd(RegisterClient client, String poll) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        RegisterClient.Result result = client.poll(poll);
        while ((result.status() == 202 || result.status() == 503) && System.nanoTime() < deadline) {
            LeerIdCluster.pause(1000);
            result = client.poll(poll);
        }
        return result;
    }

    @Test
    @Order(9)
    void theProductionLogsNameNoLearner() throws Exception {
        ClusterBrowser.StepFailed refused = org.junit.jupiter.api.Assertions.assertThrows(ClusterBrowser.StepFailed.class,
                () -> new ClusterBrowser().login(cluster.node(1), accounts.username(39), "not-the-password"));
        assertEquals(200, refused.status, "the login form again, with an error");
        for (int n = 1; n <= 2; n++) {
            List<String> lines = Files.readAllLines(cluster.log("cluster-node" + n));
            assertTrue(lines.size() > 100, "node " + n + " logged");
            for (String line : lines) {
                assertFalse(line.contains("cluster.learner."), "a username in node " + n + "'s log: " + line);
                for (int i = 0; i < accounts.count(); i++) {
                    assertFalse(line.contains(accounts.leerId(i)), "a LeerID in node " + n + "'s log: " + line);
                }
            }
            assertTrue(lines.stream().filter(line -> line.startsWith("{")).count() > lines.size() * 0.9,
                    "node " + n + " logs JSON");
        }
    }

    private ClusterBrowser.Tokens loginWithin(Duration timeout, int account) throws Exception {
        long start = System.nanoTime();
        while (true) {
            try {
                return new ClusterBrowser().login(cluster.edge(), accounts.username(account), accounts.password(account));
            } catch (ClusterBrowser.StepFailed | IOException e) {
                if (System.nanoTime() - start > timeout.toNanos()) {
                    throw new AssertionError("no login within " + timeout + " after the database came back", e);
                }
                LeerIdCluster.pause(500);
            }
        }
    }

    private int status(URI url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static final class Session {
        ClusterBrowser.Tokens tokens;

        Session(ClusterBrowser.Tokens tokens) {
            this.tokens = tokens;
        }
    }

    /** A count from the cluster's database, read directly (not through the relay that the outage test cuts). */
    private static long count(String sql) throws Exception {
        try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/leerid_cluster_it",
                "postgres", "postgres"); var rows = db.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The release record is written once the token response committed: wait for it. */
    private static void awaitRows(String sql, long expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (count(sql) != expected && System.nanoTime() < deadline) {
            LeerIdCluster.pause(200);
        }
        assertEquals(expected, count(sql), sql);
    }
}
