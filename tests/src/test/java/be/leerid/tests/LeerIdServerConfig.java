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
import org.keycloak.testframework.server.KeycloakServerConfigBuilder.LogHandlers;

/**
 * The one server configuration every integration test shares, so the distribution starts once per
 * run: Keycloak (keycloak.version in pom.xml) with LeerID's providers and theme, and a files vault holding the shipped dev
 * secrets of realm-config/vault plus a fresh key for each throw-away test realm. The eID simulator
 * starts first: the shipped realm's identity provider points at it.
 */
public final class LeerIdServerConfig implements KeycloakServerConfig {

    /** Test realms with their own pseudonym key (their names as the files vault spells them). */
    static final String[] KEYED_TEST_REALMS = {RegisterSyncIT.REALM, FairBaselineIT.LEERID_REALM};
    /**
     * One fresh key per test JVM. The framework asks this configuration again for later test classes while
     * the server runs; a new key each time changed the sync realm's pseudonyms mid-test once LeerID re-read
     * the vault (every 10 s), which made RegisterSyncIT fail at random.
     */
    private static final String TEST_REALM_KEY = freshKey();

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
        PostgresTestDatabase.recreateOncePerRun();
        EidSimulator.startOncePerRun();
        config.log().handlers(LogHandlers.CONSOLE, LogHandlers.FILE);
        return config
                .dependency("be.leerid", "leerid-identifiers")
                .dependency("be.leerid", "leerid-register")
                .dependency("be.leerid", "leerid-eid")
                .dependency("be.leerid", "leerid-registration")
                .dependency("be.leerid", "leerid-school")
                .dependency("be.leerid", "leerid-transparency")
                .dependency("be.leerid", "leerid-theme")
                // Keycloak's own test endpoint that moves the server's clock (expired activation codes).
                .dependency("org.keycloak.testframework", "keycloak-test-framework-remote-providers")
                // Tests read the server's log: no activation code, password or national number may appear in it.
                .option("log-file", SERVER_LOG.toString())
                // Syncs longer than a second answer 202 and are polled: the tests walk both paths.
                .spiOption("realm-restapi-extension", "register-sync", "wait-seconds", "1")
                // Shared Signals are delivered every second, so a test waits for a token, not for the interval.
                .spiOption("well-known", "ssf-configuration", "delivery-interval-seconds", "1")
                .option("vault", "file")
                .option("vault-dir", testVault().toString())
                // Theme and message changes between runs must be seen by the next run.
                .option("spi-theme--cache-themes", "false");
    }

    /** The test server's log file (appended by each server start of a run). */
    static final Path SERVER_LOG = RepositoryFiles.root().resolve("tests/target/keycloak-server.log");

    private static String freshKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
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
            for (String realm : KEYED_TEST_REALMS) {
                Files.writeString(vault.resolve(realm + "_pseudonym-key"), TEST_REALM_KEY);
            }
            return vault;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
