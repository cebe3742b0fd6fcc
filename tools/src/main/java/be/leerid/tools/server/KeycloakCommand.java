package be.leerid.tools.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code kc.sh} command line, the options LeerID uses written once: the dev server, the cluster's
 * nodes, the benchmark servers and the sync benchmark all build theirs here.
 */
public final class KeycloakCommand {

    /** The development administrator (./leerid dev, the cluster on a laptop, benchmarks); never in the image. */
    public static final String DEV_ADMIN = "admin";
    public static final String DEV_ADMIN_PASSWORD = "admin";

    private final Path home;
    private final List<String> arguments = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();

    private KeycloakCommand(Path home, List<String> start) {
        this.home = home;
        arguments.addAll(start);
    }

    /** Development mode (H2 unless a database is given), importing the realm on first start. */
    public static KeycloakCommand startDev(Path home) {
        return new KeycloakCommand(home, List.of("start-dev", "--import-realm", "--vault=file"));
    }

    /** Production mode on a home built with {@code kc.sh build} (docker/keycloak.conf), importing the realm on first start. */
    public static KeycloakCommand startOptimized(Path home) {
        return new KeycloakCommand(home, List.of("start", "--optimized", "--import-realm"));
    }

    public KeycloakCommand vault(Path vaultDir) {
        return option("vault-dir", vaultDir.toString());
    }

    public KeycloakCommand http(String host, int port) {
        if (host != null) {
            option("http-host", host);
        }
        return option("http-port", String.valueOf(port));
    }

    public KeycloakCommand management(String host, int port) {
        if (host != null) {
            option("http-management-host", host);
        }
        return option("http-management-port", String.valueOf(port));
    }

    /** The public and the operators' base URL (production mode). */
    public KeycloakCommand hostnames(String publicUrl, String adminUrl) {
        return option("hostname", publicUrl).option("hostname-admin", adminUrl);
    }

    /** Infinispan's cluster transport, on loopback. */
    public KeycloakCommand clusterTransport(int port) {
        return option("cache-embedded-network-bind-address", "127.0.0.1")
                .option("cache-embedded-network-bind-port", String.valueOf(port));
    }

    /** PostgreSQL; {@code development} adds {@code --db=postgres}, which a production build already has. */
    public KeycloakCommand postgres(String url, String username, String password, boolean development) {
        if (development) {
            option("db", "postgres");
        }
        return option("db-url", url).option("db-username", username).option("db-password", password);
    }

    public KeycloakCommand option(String name, String value) {
        arguments.add("--" + name + "=" + value);
        return this;
    }

    /** The administrator Keycloak creates in the master realm on its first start. */
    public KeycloakCommand bootstrapAdmin(String username, String password) {
        return environment("KC_BOOTSTRAP_ADMIN_USERNAME", username).environment("KC_BOOTSTRAP_ADMIN_PASSWORD", password);
    }

    public KeycloakCommand environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    public List<String> commandLine() {
        List<String> line = new ArrayList<>();
        line.add(home.resolve("bin/kc.sh").toString());
        line.addAll(arguments);
        return line;
    }

    public ProcessBuilder processBuilder() {
        ProcessBuilder builder = new ProcessBuilder(commandLine());
        builder.environment().putAll(environment);
        return builder;
    }
}
