package be.leerid.tests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The eID gateway simulator of testbed/eid-simulator as a real process on loopback, started once per
 * test run (before the Keycloak server, which the shipped realm points at it) and stopped at JVM exit.
 */
final class EidSimulator {

    static final URI ISSUER = URI.create("http://localhost:8180");

    /** The simulator's card holders (testbed/eid-simulator/src/main/resources/card-holders.json). */
    static final String AN_WOUTERS = "an-wouters";
    static final String JAN_CLAES = "jan-claes";
    static final String ELS_DE_SMET = "els-de-smet";
    static final String PIET_ONBEKEND = "piet-onbekend";
    static final String LOTTE_PEETERS = "lotte-peeters";
    static final String LOTTE_PEETERS_NRN = "14052041225";
    static final String PIET_ONBEKEND_NRN = "91010138944";

    private static Process process;

    private EidSimulator() {
    }

    static synchronized void startOncePerRun() {
        if (process != null) {
            return;
        }
        Path jar = RepositoryFiles.root().resolve("testbed/eid-simulator/target/eid-simulator.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("build the eID simulator first (mvn verify builds it): " + jar);
        }
        Path log = RepositoryFiles.root().resolve("tests/target/eid-simulator.log");
        try {
            Files.createDirectories(log.getParent());
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            process = new ProcessBuilder(java, "-Xmx256m", "-jar", jar.toString(), "--server.port=" + ISSUER.getPort())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the eID simulator", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> process.destroy()));
        awaitDiscovery(log);
    }

    private static void awaitDiscovery(Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest discovery = HttpRequest.newBuilder(ISSUER.resolve("/.well-known/openid-configuration")).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the eID simulator stopped (port " + ISSUER.getPort() + " in use?); see " + log);
            }
            try {
                if (http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the eID simulator did not answer within 90 s; see " + log);
    }
}
