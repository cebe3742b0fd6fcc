package be.leerid.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Base64;

import org.keycloak.testframework.server.KeycloakServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/**
 * The one server configuration every integration test shares, so the distribution starts once per
 * run: Keycloak (keycloak.version in pom.xml) with LeerID's providers and theme, and a files vault holding the shipped dev
 * secrets of realm-config/vault plus a fresh key for each throw-away test realm. The eID simulator
 * starts first: the shipped realm's identity provider points at it.
 */
public final class LeerIdServerConfig implements KeycloakServerConfig {

    /** Test realms with their own pseudonym key (their names as the files vault spells them). */
    static final String[] KEYED_TEST_REALMS = {RegisterSyncIT.REALM};

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
        PostgresTestDatabase.recreateOncePerRun();
        EidSimulator.startOncePerRun();
        return config
                .dependency("be.leerid", "leerid-identifiers")
                .dependency("be.leerid", "leerid-register")
                .dependency("be.leerid", "leerid-eid")
                .dependency("be.leerid", "leerid-registration")
                .dependency("be.leerid", "leerid-theme")
                // Syncs longer than a second answer 202 and are polled: the tests walk both paths.
                .spiOption("realm-restapi-extension", "register-sync", "wait-seconds", "1")
                .option("vault", "file")
                .option("vault-dir", testVault().toString())
                // Theme and message changes between runs must be seen by the next run.
                .option("spi-theme--cache-themes", "false");
    }

    private static Path testVault() {
        try {
            Path vault = RepositoryFiles.root().resolve("tests/target/test-vault");
            Files.createDirectories(vault);
            try (var shipped = Files.list(RepositoryFiles.vaultDir())) {
                for (Path key : shipped.toList()) {
                    Files.copy(key, vault.resolve(key.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            SecureRandom random = new SecureRandom();
            for (String realm : KEYED_TEST_REALMS) {
                byte[] key = new byte[32];
                random.nextBytes(key);
                Files.writeString(vault.resolve(realm + "_pseudonym-key"), Base64.getEncoder().encodeToString(key));
            }
            return vault;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
