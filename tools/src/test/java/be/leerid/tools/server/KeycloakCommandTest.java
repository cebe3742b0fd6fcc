package be.leerid.tools.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class KeycloakCommandTest {

    private static final Path HOME = Path.of("/kc");

    @Test
    void aClusterNodeListensOnLoopbackWithItsOwnPorts() {
        KeycloakCommand node = KeycloakCommand.startOptimized(HOME)
                .hostnames("http://localhost:8080", "http://localhost:8090")
                .http("127.0.0.1", 8081).management("127.0.0.1", 9081).clusterTransport(7801).vault(Path.of("/vault"));
        assertEquals(List.of("/kc/bin/kc.sh", "start", "--optimized", "--import-realm",
                "--hostname=http://localhost:8080", "--hostname-admin=http://localhost:8090",
                "--http-host=127.0.0.1", "--http-port=8081", "--http-management-host=127.0.0.1", "--http-management-port=9081",
                "--cache-embedded-network-bind-address=127.0.0.1", "--cache-embedded-network-bind-port=7801",
                "--vault-dir=/vault"), node.commandLine());
    }

    @Test
    void theDevServerUsesTheFilesVaultAndOptionallyPostgres() {
        KeycloakCommand dev = KeycloakCommand.startDev(HOME).vault(Path.of("/vault")).http(null, 8080)
                .postgres("jdbc:postgresql://127.0.0.1:5432/leerid_bench", "postgres", "secret", true)
                .bootstrapAdmin("admin", "admin");
        assertEquals(List.of("/kc/bin/kc.sh", "start-dev", "--import-realm", "--vault=file", "--vault-dir=/vault",
                "--http-port=8080", "--db=postgres", "--db-url=jdbc:postgresql://127.0.0.1:5432/leerid_bench",
                "--db-username=postgres", "--db-password=secret"), dev.commandLine());
        assertEquals("admin", dev.processBuilder().environment().get("KC_BOOTSTRAP_ADMIN_USERNAME"));
    }
}
