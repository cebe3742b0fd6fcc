package be.leerid.tests;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The demo services of testbed/demo-services as a real process on loopback, started once per test run. */
final class DemoServicesProcess {

    static final URI SMARTSCHOOL = URI.create("http://localhost:8181/");
    static final URI KLASCEMENT = URI.create("http://localhost:8182/");
    static final URI ARCHIEF = URI.create("http://localhost:8183/");

    private static Process process;

    private DemoServicesProcess() {
    }

    static synchronized void startOncePerRun(String realmUrl) throws Exception {
        if (process != null) {
            return;
        }
        Path root = RepositoryFiles.root();
        Path jar = root.resolve("testbed/demo-services/target/demo-services-app.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("build the demo services first (mvn verify builds them): " + jar);
        }
        Path log = root.resolve("tests/target/demo-services.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(java, "-Xmx256m", "-jar", jar.toString(), realmUrl,
                root.resolve("realm-config/dev/archief-sp-signing-key.pem").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> process.destroy()));
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the demo services stopped (ports 8181-8183 in use?); see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(ARCHIEF).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (ConnectException e) {
                // not listening yet
            } catch (IOException e) {
                // starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the demo services did not answer within 60 s; see " + log);
    }
}
