package be.leerid.tests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A testbed application (testbed/...) as a real process on loopback: started from its jar, ready once
 * a URL answers 200, stopped when the test JVM exits. Its output goes to tests/target/NAME.log.
 */
final class TestbedProcess {

    private TestbedProcess() {
    }

    static Process start(String name, String jar, URI ready, String... arguments) {
        Path root = RepositoryFiles.root();
        Path jarFile = root.resolve(jar);
        if (!Files.isRegularFile(jarFile)) {
            throw new IllegalStateException("build " + name + " first (mvn verify builds it): " + jarFile);
        }
        Path log = root.resolve("tests/target/" + name + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jarFile.toString()));
        command.addAll(List.of(arguments));
        Process process;
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        awaitReady(name, process, ready, log);
        return process;
    }

    private static void awaitReady(String name, Process process, URI ready, Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped (port " + ready.getPort() + " in use?); see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
                Thread.sleep(250);
            } catch (IOException e) {
                sleep();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(name + " did not answer within 90 s; see " + log);
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
