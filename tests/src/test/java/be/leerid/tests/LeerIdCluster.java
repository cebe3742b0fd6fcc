package be.leerid.tests;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two-node cluster as `./leerid cluster` runs it, started through the same script: two Keycloak
 * processes in production mode with LeerID's providers (jdbc-ping over PostgreSQL), HAProxy in front
 * with docker/haproxy.cfg. Only the ports differ from the command's defaults, and the nodes reach
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
    private final Process[] nodes = new Process[3];
    private final DatabaseRelay database;
    private Process edge;

    private LeerIdCluster(DatabaseRelay database) {
        this.database = database;
    }

    /** A fresh database, the production build, node 1 (creates the schema, imports the realm), node 2, the edge. */
    static LeerIdCluster start() {
        for (String log : new String[] {"cluster-prepare", "cluster-node1", "cluster-node2", "cluster-edge"}) {
            try {
                Files.deleteIfExists(RepositoryFiles.root().resolve("tests/target/" + log + ".log"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        recreateDatabase();
        LeerIdCluster cluster = new LeerIdCluster(DatabaseRelay.start(RELAY_PORT, new InetSocketAddress("127.0.0.1", 5432)));
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::close));
        cluster.prepare();
        cluster.startNode(1);
        cluster.startNode(2);
        cluster.startEdge();
        return cluster;
    }

    DatabaseRelay database() {
        return database;
    }

    /** A node's own HTTP listener, bypassing the edge. */
    URI node(int n) {
        return URI.create("http://127.0.0.1:" + (PUBLIC_PORT + n));
    }

    /** The public entrance (HAProxy). */
    URI edge() {
        return URI.create("http://127.0.0.1:" + PUBLIC_PORT);
    }

    /** The operators' entrance (HAProxy, admin frontend). */
    URI adminEdge() {
        return URI.create("http://127.0.0.1:" + ADMIN_PORT);
    }

    URI management(int n) {
        return URI.create("http://127.0.0.1:" + (PUBLIC_PORT + 1000 + n));
    }

    void startNode(int n) {
        nodes[n] = launch("cluster-node" + n, "cluster-node", String.valueOf(n));
        awaitStatus(management(n).resolve("/health/ready"), 200, Duration.ofMinutes(4), "node " + n, nodes[n]);
    }

    /** SIGKILL to Keycloak's JVM (kc.sh runs it as a child): the node gets no chance to hand anything over. */
    void kill(int n) {
        killTree(nodes[n]);
    }

    /** SIGTERM: a regular shutdown. */
    void stop(int n) {
        nodes[n].destroy();
        waitFor(nodes[n]);
    }

    boolean isRunning(int n) {
        return nodes[n] != null && (nodes[n].isAlive() || nodes[n].descendants().anyMatch(ProcessHandle::isAlive));
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
        return awaitStatus(url, status, timeout, url.toString(), null);
    }

    Path log(String name) {
        return root.resolve("tests/target/" + name + ".log");
    }

    @Override
    public synchronized void close() {
        for (Process process : new Process[] {edge, nodes[1], nodes[2]}) {
            if (process != null) {
                killTree(process);
            }
        }
        database.close();
    }

    private void prepare() {
        Process prepare = launch("cluster-prepare", "cluster-prepare");
        try {
            if (prepare.waitFor() != 0) {
                throw new IllegalStateException("./leerid cluster-prepare failed; see " + log("cluster-prepare"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void startEdge() {
        edge = launch("cluster-edge", "cluster-edge");
        awaitStatus(edge().resolve("/realms/leerid/.well-known/openid-configuration"), 200, Duration.ofSeconds(30), "the edge", edge);
    }

    private Process launch(String logName, String... command) {
        String[] line = new String[command.length + 2];
        line[0] = "bash";
        line[1] = root.resolve("leerid").toString();
        System.arraycopy(command, 0, line, 2, command.length);
        ProcessBuilder builder = new ProcessBuilder(line).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log(logName).toFile()));
        builder.environment().putAll(Map.of(
                "LEERID_PUBLIC_PORT", String.valueOf(PUBLIC_PORT),
                "LEERID_ADMIN_PORT", String.valueOf(ADMIN_PORT),
                "LEERID_DB_URL", "jdbc:postgresql://127.0.0.1:" + RELAY_PORT + "/" + DATABASE,
                "LEERID_LOG_OUTPUT", "json"));
        try {
            Files.createDirectories(log(logName).getParent());
            return builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run ./leerid " + String.join(" ", command), e);
        }
    }

    private Duration awaitStatus(URI url, int status, Duration timeout, String what, Process process) {
        long start = System.nanoTime();
        while (System.nanoTime() - start < timeout.toNanos()) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(what + " stopped; see tests/target/cluster-*.log");
            }
            try {
                if (http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == status) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause(250);
        }
        throw new AssertionError(what + " did not answer " + status + " at " + url + " within " + timeout);
    }

    private static void recreateDatabase() {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "postgres");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL on 127.0.0.1:5432 is needed for the cluster tests", e);
        }
    }

    private static void killTree(Process process) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroyForcibly);
        tree.forEach(handle -> handle.onExit().join());
    }

    private static void waitFor(Process process) {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
