package be.leerid.tests;

import org.keycloak.testframework.server.KeycloakServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/**
 * The one server configuration every integration test shares, so the distribution starts once per
 * run: Keycloak 26.7.5 with LeerID's providers and theme, and the dev files vault of realm-config/.
 */
public final class LeerIdServerConfig implements KeycloakServerConfig {

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
        return config
                .dependency("be.leerid", "leerid-identifiers")
                .dependency("be.leerid", "leerid-theme")
                .option("vault", "file")
                .option("vault-dir", RepositoryFiles.vaultDir().toString())
                // Theme and message changes between runs must be seen by the next run.
                .option("spi-theme--cache-themes", "false");
    }
}
