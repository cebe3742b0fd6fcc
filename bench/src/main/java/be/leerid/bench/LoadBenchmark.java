package be.leerid.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * LeerID against vanilla Keycloak 26.7.5 in the same run: both servers, one after the other and alternated
 * (vanilla, LeerID, vanilla, LeerID, ...) so that drift of the machine cancels out, get the same Gatling
 * scenarios; then each holds a number of sessions for its resident memory. Prints throughput, p50/p95/p99,
 * server CPU per operation and the LeerID/vanilla ratios, and writes them as Markdown to
 * bench/target/bench-results.md.
 *
 * <pre>java ... be.leerid.bench.LoadBenchmark ROUNDS SECONDS USERS SESSIONS[,SESSIONS...]</pre>
 */
public final class LoadBenchmark {

    static final List<String> OPERATIONS = List.of("login", "sso", "refresh", "client-credentials", "saml", "userinfo");
    private static final List<String> VARIANTS = List.of("vanilla", "leerid");
    private static final int ACCOUNTS = 100;

    private LoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int users = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        List<Integer> sessions = new ArrayList<>();
        if (args.length > 3 && !args[3].equals("0")) {
            for (String count : args[3].split(",")) {
                sessions.add(Integer.parseInt(count));
            }
        }
        Path root = Path.of(System.getProperty("leerid.root", ".")).toAbsolutePath().normalize();
        Results results = new Results();
        for (int round = 1; round <= rounds; round++) {
            for (String variant : VARIANTS) {
                System.out.printf("round %d of %d: %s%n", round, rounds, variant);
                try (BenchServer server = BenchServer.start(root, variant, ACCOUNTS)) {
                    // Warm-up, not counted: every scenario once, so the JIT has compiled both servers' paths
                    // (LeerID's flows and theme are more code to compile than vanilla's on two cores).
                    for (String operation : OPERATIONS) {
                        GatlingRun.run(root, operation, Math.max(5, seconds / 3), users, ACCOUNTS);
                    }
                    for (String operation : OPERATIONS) {
                        long cpuBefore = server.cpuMillis();
                        GatlingRun.Stats stats = GatlingRun.run(root, operation, seconds, users, ACCOUNTS);
                        long cpu = server.cpuMillis() - cpuBefore;
                        if (stats.ok() == 0) {
                            throw new IllegalStateException(operation + " on " + variant + " never succeeded; see bench/target/gatling-"
                                    + operation + ".log");
                        }
                        results.add(variant, operation, stats, (double) cpu / stats.ok());
                        System.out.printf("  %-18s %8.1f/s  p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  %6.2f ms CPU/op  (%d failed)%n",
                                operation, stats.throughput(), stats.p50(), stats.p95(), stats.p99(),
                                stats.ok() == 0 ? 0 : (double) cpu / stats.ok(), stats.failed());
                    }
                    if (round == rounds) {
                        for (Map.Entry<Integer, Long> rss : SessionMemory.measure(server, sessions, ACCOUNTS).entrySet()) {
                            results.rss(variant, rss.getKey(), rss.getValue());
                            System.out.printf("  RSS with %,d sessions: %d MiB%n", rss.getKey(), rss.getValue());
                        }
                    }
                }
            }
        }
        String table = results.markdown(rounds, seconds, users);
        System.out.println();
        System.out.println(table);
        Files.writeString(root.resolve("bench/target/bench-results.md"), table);
    }

    /** Means over rounds, per variant and operation. */
    private static final class Results {
        private final Map<String, List<double[]>> runs = new LinkedHashMap<>();
        private final Map<String, Long> memory = new LinkedHashMap<>();
        private final List<Integer> sessionCounts = new ArrayList<>();

        void add(String variant, String operation, GatlingRun.Stats stats, double cpuPerOp) {
            runs.computeIfAbsent(variant + "/" + operation, k -> new ArrayList<>())
                    .add(new double[] {stats.throughput(), stats.p50(), stats.p95(), stats.p99(), cpuPerOp, stats.failed()});
        }

        void rss(String variant, int sessions, long mebibytes) {
            memory.put(variant + "/" + sessions, mebibytes);
            if (!sessionCounts.contains(sessions)) {
                sessionCounts.add(sessions);
            }
        }

        private double mean(String key, int column) {
            return runs.getOrDefault(key, List.of()).stream().mapToDouble(r -> r[column]).average().orElse(Double.NaN);
        }

        String markdown(int rounds, int seconds, int users) {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "Measured %s on %d cores, %s, %d rounds (vanilla, LeerID alternated), %d s per scenario, %d concurrent users.%n%n",
                    LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name") + " "
                            + System.getProperty("java.version"), rounds, seconds, users));
            out.append("| scenario | vanilla ops/s | LeerID ops/s | **ratio** | p50 / p95 / p99 ms vanilla | p50 / p95 / p99 ms LeerID | CPU ms/op vanilla | CPU ms/op LeerID | failed |\n");
            out.append("|---|---:|---:|---:|---|---|---:|---:|---:|\n");
            for (String operation : OPERATIONS) {
                String a = "vanilla/" + operation;
                String b = "leerid/" + operation;
                out.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | **%.3f** | %.0f / %.0f / %.0f | %.0f / %.0f / %.0f | %.2f | %.2f | %.0f / %.0f |%n",
                        operation, mean(a, 0), mean(b, 0), mean(b, 0) / mean(a, 0), mean(a, 1), mean(a, 2), mean(a, 3),
                        mean(b, 1), mean(b, 2), mean(b, 3), mean(a, 4), mean(b, 4), mean(a, 5) * rounds, mean(b, 5) * rounds));
            }
            if (!sessionCounts.isEmpty()) {
                out.append("\n| active sessions | vanilla RSS MiB | LeerID RSS MiB | **ratio** |\n|---:|---:|---:|---:|\n");
                for (int count : sessionCounts) {
                    long a = memory.getOrDefault("vanilla/" + count, 0L);
                    long b = memory.getOrDefault("leerid/" + count, 0L);
                    out.append(String.format(Locale.ROOT, "| %,d | %d | %d | **%.3f** |%n", count, a, b, (double) b / a));
                }
            }
            return out.toString();
        }
    }

    static JsonNode readJson(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }
}
