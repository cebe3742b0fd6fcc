package be.leerid.tests;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import be.leerid.tools.server.Cluster;
import be.leerid.tools.server.LeerIdRepository;
import be.leerid.tools.server.PostgresDatabase;
import be.leerid.tools.server.ServerProcess;

/**
 * The two-node cluster as `./leerid cluster` runs it, started by the same code ({@link Cluster}): two
 * Keycloak processes in production mode with LeerID's providers (jdbc-ping over PostgreSQL), HAProxy in
 * front with docker/haproxy.cfg. Only the ports differ from the command's defaults, and the nodes reach
 * PostgreSQL through a {@link DatabaseRelay} so a test can take the database away. Logs go to
 * tests/target/cluster-*.log, in the production (JSON) format.
 */
final class LeerIdCluster implements AutoCloseable {

    static final int PUBLIC_PORT = 18080;
    static final int ADMIN_PORT = 18090;
    static final String HOSTNAME = "http://localhost:" + PUBLIC_PORT;
    private static final String DATABASE = "leerid_cluster_it";
    private static final int RELAY_PORT = 15432;
    private static final Pattern CLUSTER_SIZE = Pattern.compile("(?m)^vendor_cluster_size\\{[^}]*} ([0-9.]+)$");

    private final Path root = RepositoryFiles.root();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final DatabaseRelay database;
    private final Cluster cluster;

    private LeerIdCluster(DatabaseRelay database, Cluster cluster) {
        this.database = database;
        this.cluster = cluster;
    }

    /** A fresh database, the production build, node 1 (creates the schema, imports the realm), node 2, the edge. */
    static LeerIdCluster start() {
        Path logs = RepositoryFiles.root().resolve("tests/target");
        for (String log : new String[] {"cluster-node1", "cluster-node2", "cluster-edge"}) {
            try {
                Files.deleteIfExists(logs.resolve(log + ".log"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        Cluster.Layout layout = new Cluster.Layout(PUBLIC_PORT, ADMIN_PORT, "jdbc:postgresql://127.0.0.1:" + RELAY_PORT + "/" + DATABASE,
                "postgres", "postgres", "json");
        try {
            PostgresDatabase.create("jdbc:postgresql://127.0.0.1:5432/" + DATABASE, "postgres", "postgres", true);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL on 127.0.0.1:5432 is needed for the cluster tests", e);
        }
        LeerIdCluster cluster = new LeerIdCluster(DatabaseRelay.start(RELAY_PORT, new InetSocketAddress("127.0.0.1", 5432)),
                new Cluster(new LeerIdRepository(RepositoryFiles.root()), layout, logs));
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::close));
        cluster.cluster.prepare();
        cluster.startNode(1);
        cluster.startNode(2);
        cluster.cluster.startEdge();
        return cluster;
    }

    DatabaseRelay database() {
        return database;
    }

    /** A node's own HTTP listener, bypassing the edge. */
    URI node(int n) {
        return cluster.layout().node(n);
    }

    /** The public entrance (HAProxy). */
    URI edge() {
        return cluster.layout().edge();
    }

    /** The operators' entrance (HAProxy, admin frontend). */
    URI adminEdge() {
        return cluster.layout().adminEdge();
    }

    URI management(int n) {
        return cluster.layout().management(n);
    }

    void startNode(int n) {
        cluster.startNode(n);
    }

    /** SIGKILL to Keycloak's JVM (kc.sh runs it as a child): the node gets no chance to hand anything over. */
    void kill(int n) {
        cluster.node(n).kill();
    }

    /** SIGTERM: a regular shutdown. */
    void stop(int n) {
        cluster.node(n).stop();
    }

    boolean isRunning(int n) {
        return cluster.node(n) != null && cluster.node(n).isAlive();
    }

    /** Whether anything still answers on node n's HTTP port. */
    boolean answers(int n) {
        try {
            http.send(HttpRequest.newBuilder(node(n).resolve("/realms/leerid")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The cluster size as node n's Infinispan reports it (management interface, /metrics). */
    OptionalInt clusterSize(int n) {
        try {
            String metrics = http.send(HttpRequest.newBuilder(management(n).resolve("/metrics")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher size = CLUSTER_SIZE.matcher(metrics);
            return size.find() ? OptionalInt.of((int) Double.parseDouble(size.group(1))) : OptionalInt.empty();
        } catch (IOException e) {
            return OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until node n reports the given cluster size; returns how long that took. */
    Duration awaitClusterSize(int n, int size, Duration timeout) {
        long start = System.nanoTime();
        while (System.nanoTime() - start < timeout.toNanos()) {
            if (clusterSize(n).orElse(-1) == size) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            pause(250);
        }
        throw new AssertionError("node " + n + " did not see a cluster of " + size + " within " + timeout
                + " (it sees " + clusterSize(n) + ")");
    }

    /** Waits until the URL answers the status; returns how long that took. */
    Duration awaitStatus(URI url, int status, Duration timeout) {
        long start = System.nanoTime();
        while (System.nanoTime() - start < timeout.toNanos()) {
            if (ServerProcess.statusOf(url) == status) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            pause(250);
        }
        throw new AssertionError(url + " did not answer " + status + " within " + timeout);
    }

    Path log(String name) {
        return root.resolve("tests/target/" + name + ".log");
    }

    @Override
    public synchronized void close() {
        cluster.close();
        database.close();
    }

    static void pause(long millis) {
        ServerProcess.pause(millis);
    }
}
