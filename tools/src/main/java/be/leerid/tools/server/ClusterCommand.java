package be.leerid.tools.server;

/**
 * {@code ./leerid cluster [--fresh]}: the production-like two-node cluster on PostgreSQL behind HAProxy
 * (docs/operations.md), with the eID simulator and the demo services. {@code --fresh} drops the database
 * first. Ports and database follow LEERID_PUBLIC_PORT (8080), LEERID_ADMIN_PORT (8090), LEERID_DB_URL,
 * KC_DB_USERNAME and KC_DB_PASSWORD.
 */
public final class ClusterCommand {

    private ClusterCommand() {
    }

    public static void main(String[] args) throws Exception {
        LeerIdRepository repository = LeerIdRepository.fromSystemProperty();
        Cluster.Layout layout = new Cluster.Layout(Integer.parseInt(env("LEERID_PUBLIC_PORT", "8080")),
                Integer.parseInt(env("LEERID_ADMIN_PORT", "8090")),
                env("LEERID_DB_URL", "jdbc:postgresql://127.0.0.1:5432/leerid_cluster"),
                env("KC_DB_USERNAME", "postgres"), env("KC_DB_PASSWORD", "postgres"), env("LEERID_LOG_OUTPUT", "default"));
        PostgresDatabase.create(layout.databaseUrl(), layout.databaseUser(), layout.databasePassword(),
                args.length > 0 && args[0].equals("--fresh"));
        Cluster cluster = new Cluster(repository, layout, repository.target());
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::close));
        cluster.prepare();
        for (int n = 1; n <= 2; n++) {
            // One node at a time: the first creates the schema and imports the realm.
            System.err.println("Starting node " + n + " on " + layout.node(n) + " (log: target/cluster-node" + n + ".log) ...");
            cluster.startNode(n);
        }
        System.err.println("Starting HAProxy on http://localhost:" + layout.publicPort() + " (admin: http://localhost:" + layout.adminPort() + ") ...");
        cluster.startEdge();
        ServerProcess simulator = Testbed.eidSimulator(repository);
        ServerProcess demos = Testbed.demoServices(repository, "http://localhost:" + layout.publicPort() + "/realms/leerid");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            demos.stop();
            simulator.stop();
        }));
        try {
            DevAdmin.login("http://localhost:" + layout.adminPort(), KeycloakCommand.DEV_ADMIN, KeycloakCommand.DEV_ADMIN_PASSWORD)
                    .importClients(repository.root().resolve("realm-config/dev/leerid-demo-clients.json"));
        } catch (RuntimeException e) {
            System.err.println("Adding the demo services' clients failed: " + e.getMessage());
        }
        System.out.println("""

                  LeerID runs as a two-node cluster on PostgreSQL (%s).
                  Public entrance (HAProxy): http://localhost:%d/realms/leerid   (only /realms/ and /resources/)
                  Admin entrance:            http://localhost:%d/admin/master/console/   (admin / admin)
                  Nodes:                     %s and %s; health on %s and %s
                  Demo services, eID simulator and demo accounts as with ./leerid dev. Stop with Ctrl-C.
                """.formatted(layout.databaseUrl(), layout.publicPort(), layout.adminPort(), layout.node(1), layout.node(2),
                layout.management(1), layout.management(2)));
        cluster.node(1).process().waitFor();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
