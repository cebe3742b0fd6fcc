package be.leerid.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import be.leerid.tools.server.KeycloakHomes;
import be.leerid.tools.server.LeerIdRepository;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * LeerID against vanilla Keycloak (the same distribution) in the same run. Both servers are started and warmed up; then
 * each scenario runs on one and then on the other, never on both at once, so that each gets the same load
 * at nearly the same moment and slow drift of the machine cancels out; the order alternates by round
 * (A B, B A, ...) so that going first or second favours neither. Then each holds a number of sessions for
 * its resident memory. Prints throughput, p50/p95/p99, server CPU per operation and the ratios B/A, and
 * writes them as Markdown to bench/target/bench-results.md.
 *
 * <p>COMPARE names the two sides, "vanilla,leerid" by default; an A/A run ("vanilla,vanilla" or
 * "leerid,leerid") measures the noise floor of the ratios.
 *
 * <pre>java ... be.leerid.bench.LoadBenchmark ROUNDS SECONDS USERS SESSIONS[,SESSIONS...] [COMPARE]</pre>
 */
public final class LoadBenchmark {

    /** "badge": a learner's QR badge login on LeerID; vanilla Keycloak has no badges, so there it is its password login. */
    static final List<String> ALL_OPERATIONS = List.of("login", "badge", "sso", "refresh", "client-credentials", "saml", "userinfo");
    /** -Dbench.operations=login,sso runs only those scenarios (for a closer look; the table needs all). */
    static final List<String> OPERATIONS = List.of(System.getProperty("bench.operations", String.join(",", ALL_OPERATIONS)).split(","));
    /** -Dbench.jfr=true records each measured turn with Java Flight Recorder, to bench/target/jfr/. */
    private static final boolean JFR = Boolean.getBoolean("bench.jfr");
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
        List<String> sides = List.of(args.length > 4 ? args[4].split(",") : new String[] {"vanilla", "leerid"});
        if (sides.size() != 2 || !sides.stream().allMatch(side -> side.equals("vanilla") || side.equals("leerid") || side.equals("quiet"))) {
            throw new IllegalArgumentException("COMPARE is two of vanilla, leerid and quiet (LeerID without release record and "
                    + "events), e.g. vanilla,leerid, vanilla,vanilla or quiet,leerid");
        }
        if (!ALL_OPERATIONS.containsAll(OPERATIONS)) {
            throw new IllegalArgumentException("bench.operations " + OPERATIONS + " names a scenario that is not one of " + ALL_OPERATIONS);
        }
        LeerIdRepository repository = LeerIdRepository.fromSystemProperty();
        Path root = repository.root();
        KeycloakHomes homes = new KeycloakHomes(repository);
        Map<String, Path> home = Map.of("leerid", homes.cluster(), "quiet", homes.cluster(), "vanilla", homes.vanilla());
        Results results = new Results(label(sides, 0), label(sides, 1));
        List<BenchServer> servers = new ArrayList<>();
        try {
            for (int side = 0; side < 2; side++) {
                System.out.printf("starting %s%n", label(sides, side));
                servers.add(BenchServer.start(root, home.get(sides.get(side)), sides.get(side), side, ACCOUNTS));
            }
            // Warm-up, not counted: every scenario on both for as long as a measured turn. On two cores
            // shared by two servers and the driver, a third of a turn left both JITs still compiling
            // through the measured SSO turns (JFR: about 20 s of compilation per 30-s turn).
            for (String operation : OPERATIONS) {
                for (BenchServer server : servers) {
                    GatlingRun.run(root, server.base(), operation, Math.max(5, seconds), users, ACCOUNTS);
                }
            }
            for (int round = 1; round <= rounds; round++) {
                System.out.printf("round %d of %d%n", round, rounds);
                for (String operation : OPERATIONS) {
                    for (int position = 0; position < 2; position++) {
                        int side = round % 2 == 1 ? position : 1 - position;
                        BenchServer server = servers.get(side);
                        if (JFR) {
                            server.startRecording();
                        }
                        long cpuBefore = server.cpuMillis();
                        GatlingRun.Stats stats = GatlingRun.run(root, server.base(), operation, seconds, users, ACCOUNTS);
                        long cpu = server.cpuMillis() - cpuBefore;
                        if (JFR) {
                            Path recording = root.resolve("bench/target/jfr/" + operation + "-" + round + "-"
                                    + label(sides, side).replace(' ', '-') + ".jfr");
                            server.stopRecording(recording);
                            System.out.printf("  recorded %s%n", root.relativize(recording));
                        }
                        if (stats.ok() == 0) {
                            throw new IllegalStateException(operation + " on " + label(sides, side) + " never succeeded; see bench/target/gatling-"
                                    + operation + ".log");
                        }
                        results.add(side, operation, stats, (double) cpu / stats.ok());
                        System.out.printf("  %-18s %-10s %8.1f/s  p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  %6.2f ms CPU/op  (%d failed)%n",
                                operation, label(sides, side), stats.throughput(), stats.p50(), stats.p95(), stats.p99(),
                                (double) cpu / stats.ok(), stats.failed());
                    }
                }
            }
            for (int side = 0; side < 2; side++) {
                for (Map.Entry<Integer, Long> rss : SessionMemory.measure(servers.get(side), sessions, ACCOUNTS).entrySet()) {
                    results.rss(side, rss.getKey(), rss.getValue());
                    System.out.printf("  %s RSS with %,d sessions: %d MiB%n", label(sides, side), rss.getKey(), rss.getValue());
                }
            }
        } finally {
            for (BenchServer server : servers) {
                server.close();
            }
        }
        String table = results.markdown(rounds, seconds, users);
        System.out.println();
        System.out.println(table);
        Files.writeString(root.resolve("bench/target/bench-results.md"), table);
    }

    /** "LeerID", "LeerID quiet" (no release record, no events) or "vanilla"; in an A/A run "vanilla 1" and "vanilla 2". */
    private static String label(List<String> sides, int slot) {
        String name = switch (sides.get(slot)) {
            case "leerid" -> "LeerID";
            case "quiet" -> "LeerID quiet";
            default -> "vanilla";
        };
        return sides.get(0).equals(sides.get(1)) ? name + " " + (slot + 1) : name;
    }

    /** Means over rounds, per side (slot 0 is A, 1 is B) and operation. */
    private static final class Results {
        private final String a;
        private final String b;
        private final Map<String, List<double[]>> runs = new LinkedHashMap<>();
        private final Map<String, Long> memory = new LinkedHashMap<>();
        private final List<Integer> sessionCounts = new ArrayList<>();

        Results(String a, String b) {
            this.a = a;
            this.b = b;
        }

        void add(int slot, String operation, GatlingRun.Stats stats, double cpuPerOp) {
            runs.computeIfAbsent(slot + "/" + operation, k -> new ArrayList<>())
                    .add(new double[] {stats.throughput(), stats.p50(), stats.p95(), stats.p99(), cpuPerOp, stats.failed()});
        }

        void rss(int slot, int sessions, long mebibytes) {
            memory.put(slot + "/" + sessions, mebibytes);
            if (!sessionCounts.contains(sessions)) {
                sessionCounts.add(sessions);
            }
        }

        private double mean(String key, int column) {
            return runs.getOrDefault(key, List.of()).stream().mapToDouble(r -> r[column]).average().orElse(Double.NaN);
        }

        /**
         * Lowest, median and highest throughput ratio B/A of a single round: how much one round alone can
         * be trusted, and a middle that one disturbed turn does not move.
         */
        private String roundRange(String operation) {
            List<double[]> x = runs.getOrDefault("0/" + operation, List.of());
            List<double[]> y = runs.getOrDefault("1/" + operation, List.of());
            double[] ratios = new double[Math.min(x.size(), y.size())];
            for (int i = 0; i < ratios.length; i++) {
                ratios[i] = y.get(i)[0] / x.get(i)[0];
            }
            if (ratios.length == 0) {
                return "-";
            }
            Arrays.sort(ratios);
            int n = ratios.length;
            double median = n % 2 == 1 ? ratios[n / 2] : (ratios[n / 2 - 1] + ratios[n / 2]) / 2;
            return String.format(Locale.ROOT, "%.2f / %.2f / %.2f", ratios[0], median, ratios[n - 1]);
        }

        String markdown(int rounds, int seconds, int users) {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "Measured %s on %d cores, %s, %d rounds (%s and %s, scenario by scenario, order alternated), %d s per scenario, %d concurrent users.%n%n",
                    LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name") + " "
                            + System.getProperty("java.version"), rounds, a, b, seconds, users));
            out.append(String.format(Locale.ROOT, "| scenario | %1$s ops/s | %2$s ops/s | **ratio** | single rounds: min / median / max | p50 / p95 / p99 ms %1$s | p50 / p95 / p99 ms %2$s | CPU ms/op %1$s | CPU ms/op %2$s | **CPU ratio** | failed |%n", a, b));
            out.append("|---|---:|---:|---:|---:|---|---|---:|---:|---:|---:|\n");
            for (String operation : OPERATIONS) {
                String x = "0/" + operation;
                String y = "1/" + operation;
                out.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | **%.3f** | %s | %.0f / %.0f / %.0f | %.0f / %.0f / %.0f | %.2f | %.2f | **%.3f** | %.0f / %.0f |%n",
                        operation, mean(x, 0), mean(y, 0), mean(y, 0) / mean(x, 0), roundRange(operation), mean(x, 1), mean(x, 2), mean(x, 3),
                        mean(y, 1), mean(y, 2), mean(y, 3), mean(x, 4), mean(y, 4), mean(y, 4) / mean(x, 4),
                        mean(x, 5) * rounds, mean(y, 5) * rounds));
            }
            if (OPERATIONS.contains("badge")) {
                out.append(String.format(Locale.ROOT, "%nbadge: %s's logins per CPU-second are **%.2fx** %s's (CPU ms per login %.2f against %.2f; "
                                + "where only one side is LeerID, that is LeerID's badge login against vanilla's password login; goal for LeerID "
                                + "against vanilla: at least 5x).%n",
                        b, mean("0/badge", 4) / mean("1/badge", 4), a, mean("1/badge", 4), mean("0/badge", 4)));
            }
            if (!sessionCounts.isEmpty()) {
                out.append(String.format(Locale.ROOT, "%n| active sessions | %s RSS MiB | %s RSS MiB | **ratio** |%n|---:|---:|---:|---:|%n", a, b));
                for (int count : sessionCounts) {
                    long x = memory.getOrDefault("0/" + count, 0L);
                    long y = memory.getOrDefault("1/" + count, 0L);
                    out.append(String.format(Locale.ROOT, "| %,d | %d | %d | **%.3f** |%n", count, x, y, (double) y / x));
                }
            }
            return out.toString();
        }
    }

    static JsonNode readJson(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }
}
