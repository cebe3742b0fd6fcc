package be.leerid.tools.server;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * LeerID's production layout on one machine: Keycloak nodes in production mode with LeerID's providers
 * (docker/keycloak.conf: PostgreSQL, jdbc-ping), HAProxy in front with docker/haproxy.cfg. Ports follow
 * the public port P: node n listens on P+n, its management interface on P+1000+n, its cluster transport
 * on 7800+n; operators enter at the admin port. Used by {@code ./leerid cluster} and the cluster tests.
 */
public final class Cluster implements AutoCloseable {

    /** Where the cluster listens and which database it uses. */
    public record Layout(int publicPort, int adminPort, String databaseUrl, String databaseUser, String databasePassword,
                         String logOutput) {

        public URI edge() {
            return URI.create("http://127.0.0.1:" + publicPort);
        }

        public URI adminEdge() {
            return URI.create("http://127.0.0.1:" + adminPort);
        }

        public URI node(int n) {
            return URI.create("http://127.0.0.1:" + (publicPort + n));
        }

        public URI management(int n) {
            return URI.create("http://127.0.0.1:" + (publicPort + 1000 + n));
        }
    }

    private final LeerIdRepository repository;
    private final Layout layout;
    private final Path logs;
    private final ServerProcess[] nodes = new ServerProcess[3];
    private Path home;
    private ServerProcess edge;

    /** @param logs the directory for node1.log, node2.log and edge.log (prefixed {@code cluster-}) */
    public Cluster(LeerIdRepository repository, Layout layout, Path logs) {
        this.repository = repository;
        this.layout = layout;
        this.logs = logs;
    }

    public Layout layout() {
        return layout;
    }

    /** The production build (kc.sh build only when something changed). */
    public void prepare() {
        home = new KeycloakHomes(repository).cluster();
    }

    /** Starts node n (1 or 2) and waits until it is ready; the first node creates the schema and imports the realm. */
    public ServerProcess startNode(int n) {
        if (home == null) {
            prepare();
        }
        KeycloakCommand command = KeycloakCommand.startOptimized(home)
                .hostnames("http://localhost:" + layout.publicPort(), "http://localhost:" + layout.adminPort())
                .http("127.0.0.1", layout.publicPort() + n)
                .management("127.0.0.1", layout.publicPort() + 1000 + n)
                .clusterTransport(7800 + n)
                .vault(repository.vaultDir())
                .option("log-console-output", layout.logOutput())
                // As the image does (docker/Dockerfile): the register sync's batches become multi-row inserts.
                .environment("KC_DB_URL", layout.databaseUrl() + (layout.databaseUrl().contains("?") ? "&" : "?") + "reWriteBatchedInserts=true")
                .environment("KC_DB_USERNAME", layout.databaseUser())
                .environment("KC_DB_PASSWORD", layout.databasePassword())
                .bootstrapAdmin(KeycloakCommand.DEV_ADMIN, KeycloakCommand.DEV_ADMIN_PASSWORD);
        nodes[n] = ServerProcess.start("node " + n, command.processBuilder(), logs.resolve("cluster-node" + n + ".log"));
        nodes[n].awaitStatus(layout.management(n).resolve("/health/ready"), 200, Duration.ofMinutes(4));
        return nodes[n];
    }

    /** HAProxy in front of both nodes, with docker/haproxy.cfg; waits until the realm answers through it. */
    public ServerProcess startEdge() {
        ProcessBuilder haproxy = new ProcessBuilder("haproxy", "-db", "-f", repository.root().resolve("docker/haproxy.cfg").toString());
        Map<String, String> environment = haproxy.environment();
        environment.put("LEERID_PUBLIC_BIND", "127.0.0.1:" + layout.publicPort());
        environment.put("LEERID_ADMIN_BIND", "127.0.0.1:" + layout.adminPort());
        for (int n = 1; n <= 2; n++) {
            environment.put("LEERID_NODE" + n, "127.0.0.1:" + (layout.publicPort() + n));
            environment.put("LEERID_NODE" + n + "_MANAGEMENT_HOST", "127.0.0.1");
            environment.put("LEERID_NODE" + n + "_MANAGEMENT_PORT", String.valueOf(layout.publicPort() + 1000 + n));
        }
        edge = ServerProcess.start("the edge (HAProxy)", haproxy, logs.resolve("cluster-edge.log"));
        edge.awaitStatus(layout.edge().resolve("/realms/leerid/.well-known/openid-configuration"), 200, Duration.ofSeconds(60));
        return edge;
    }

    public ServerProcess node(int n) {
        return nodes[n];
    }

    @Override
    public synchronized void close() {
        for (ServerProcess process : new ServerProcess[] {edge, nodes[1], nodes[2]}) {
            if (process != null) {
                process.kill();
            }
        }
    }
}
