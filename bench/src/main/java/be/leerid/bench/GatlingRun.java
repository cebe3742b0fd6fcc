package be.leerid.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One Gatling run of {@link BenchSimulation} in its own JVM (Gatling ends its JVM when done), and the
 * figures the simulation wrote for its measured operation.
 */
final class GatlingRun {

    record Stats(long ok, long failed, double throughput, double p50, double p95, double p99) {
    }

    private GatlingRun() {
    }

    static Stats run(Path root, String base, String operation, int seconds, int users, int accounts) throws Exception {
        Path results = root.resolve("bench/target/gatling");
        Files.createDirectories(results);
        Path output = root.resolve("bench/target/gatling-" + operation + ".json");
        Files.deleteIfExists(output);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "--add-opens=java.base/java.lang=ALL-UNNAMED", "-Dbench.base=" + base,
                "-Dbench.operation=" + operation, "-Dbench.users=" + users, "-Dbench.seconds=" + seconds,
                "-Dbench.accounts=" + accounts, "-Dbench.output=" + output,
                "-Dbench.key=" + root.resolve("realm-config/dev/archief-sp-signing-key.pem"),
                "-cp", System.getProperty("java.class.path"), "io.gatling.app.Gatling",
                "--simulation", BenchSimulation.class.getName(), "--results-folder", results.toString(),
                "--run-description", operation, "--no-reports"));
        Path log = root.resolve("bench/target/gatling-" + operation + ".log");
        int exit = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start().waitFor();
        if (!Files.isRegularFile(output)) {
            throw new IllegalStateException("Gatling run of " + operation + " ended (exit " + exit + ") without results; see " + log);
        }
        JsonNode stats = LoadBenchmark.readJson(output);
        long ok = stats.path("ok").asLong();
        return new Stats(ok, stats.path("failed").asLong(), (double) ok / seconds, stats.path("p50").asDouble(),
                stats.path("p95").asDouble(), stats.path("p99").asDouble());
    }
}
